import { setupServer } from 'msw/node'
import { createBackend, type BackendOptions } from './backend'
import { ManualClock } from './lib/clock'
import { connectionSecrets } from './services/specs'
import { MemoryPersistence } from './store/persistence'
import { SealedPersistence } from './store/sealed-persistence'

/** The moment tests start at, so seeded data and timestamps are the same on every run. */
export const TEST_EPOCH = Date.UTC(2026, 10, 26, 9, 0, 0)

export type NodeBackendOptions = Partial<Omit<BackendOptions, 'clock'>> & { clock?: ManualClock }

/**
 * The backend in Node, for integration tests: memory persistence, a manual clock (its timers run
 * the engine's retries and the live stream when the test moves time), and requests answered
 * through `msw/node` so code under test uses plain fetch.
 */
export function createNodeBackend(options: NodeBackendOptions = {}) {
  const clock = options.clock ?? new ManualClock(TEST_EPOCH)
  const backend = createBackend({
    persistence: new SealedPersistence(new MemoryPersistence(), connectionSecrets),
    ...options,
    clock,
  })
  const server = setupServer(...backend.handlers)
  return { backend, server, clock }
}
