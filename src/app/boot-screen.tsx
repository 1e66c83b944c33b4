interface BootScreenProps {
  state: 'starting' | 'failed'
  error?: unknown
}

const explain = (error: unknown): string => {
  if (!('serviceWorker' in navigator)) {
    return 'This browser did not allow a service worker on this page. The console must be served over http://localhost or https (run `npm start`), not opened as a file.'
  }
  return error instanceof Error ? error.message : String(error)
}

/** What shows while the backend starts, and the clear error when it cannot. */
export function BootScreen({ state, error }: BootScreenProps) {
  if (state === 'starting') {
    return (
      <main className="boot" aria-busy="true">
        <p role="status">Starting the Experience Platform demo backend…</p>
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
