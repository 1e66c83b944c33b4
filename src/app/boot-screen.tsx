interface BootScreenProps {
  /** The backend starting; the first screen's data loading; or the backend failed to start. */
  state: 'starting' | 'loading' | 'failed'
  error?: unknown
}

const explain = (error: unknown): string => {
  if (!('serviceWorker' in navigator)) {
    return 'This browser did not allow a service worker on this page. The console must be served over http://localhost or https (run `npm start`), not opened as a file.'
  }
  return error instanceof Error ? error.message : String(error)
}

/** What shows while the backend starts and the first screen loads, and the error when it cannot. */
export function BootScreen({ state, error }: BootScreenProps) {
  if (state !== 'failed') {
    return (
      <main className="boot" aria-busy="true">
        <p role="status">
          {state === 'starting'
            ? 'Starting the Experience Platform demo backend…'
            : 'Loading the console…'}
        </p>
      </main>
    )
  }
  return (
    <main className="boot">
      <div role="alert" className="boot-error">
        <h1>The demo backend could not start</h1>
        <p>{explain(error)}</p>
        <p>Reload the page to try again.</p>
      </div>
    </main>
  )
}
