import { setupWorker } from 'msw/browser'
import { createBackend } from './backend'
import { SANDBOXES } from './store/collections'
import { WorkerPersistence } from './store/worker-persistence'

const LOCK = 'destination-console-backend'
/** How long a tab waits for the lock: a reloading tab releases it a moment after unloading. */
const LOCK_WAIT_MS = 1500

/**
 * Holds an exclusive Web Lock for the life of the tab. The backend keeps its data in memory and
 * writes it behind to IndexedDB, so two tabs running it at once would overwrite each other's
 * changes: the second tab is told to use the first instead.
 */
async function claimThisTab(): Promise<void> {
  if (!('locks' in navigator)) return
  try {
    await new Promise<void>((resolve, reject) => {
      navigator.locks
        .request(LOCK, { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, () => {
          resolve()
          return new Promise<never>(() => undefined)
        })
        .catch(reject)
    })
  } catch {
    throw new Error(
      'The console is already open in another tab of this browser. Its demo backend keeps your data in this browser and runs in one tab at a time: switch to that tab, or close it and reload this one.',
    )
  }
}

/**
 * Starts the backend in this tab: IndexedDB storage in a worker, requests answered through the
 * service worker. Once it answers, every sandbox is loaded in the background, so the deliveries a
 * reload or a closed tab left pending resume whichever sandbox the page shows.
 */
export async function startBackend(): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    throw new Error('Service workers are not available on this page.')
  }
  await claimThisTab()
  const persistence = await WorkerPersistence.start(
    new Worker(new URL('./persistence-worker.ts', import.meta.url), { type: 'module' }),
  )
  const backend = createBackend({ persistence })
  const worker = setupWorker(...backend.handlers)
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  Promise.all(SANDBOXES.map((name) => backend.db.sandbox(name))).catch((error: unknown) =>
    console.error('Loading the sandboxes failed', error),
  )
}
