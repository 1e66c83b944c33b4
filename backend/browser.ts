import { setupWorker } from 'msw/browser'
import { createBackend } from './backend'
import { IdbPersistence } from './store/idb-persistence'

/** Starts the backend in this tab: IndexedDB storage, requests answered through the worker. */
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
}
