import { setupWorker } from 'msw/browser'
import { createBackend } from './backend'
import { SANDBOXES } from './model'
import { IdbPersistence } from './store/idb-persistence'

/**
 * Starts the backend in this tab: IndexedDB storage, requests answered through the worker. Once
 * it answers, every sandbox is loaded in the background, so the deliveries a reload or a closed
 * tab left pending resume whichever sandbox the page shows.
 */
export async function startBackend(): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    throw new Error('Service workers are not available on this page.')
  }
  const persistence = await IdbPersistence.open()
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
