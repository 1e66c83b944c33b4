import { afterAll, afterEach, beforeAll } from 'vitest'
import { createNodeBackend } from '../node'

/**
 * The backend in Node for component integration tests (the jsdom project): UI code under test
 * reaches it over fetch, as in the browser, and never imports it. Sandboxes are reset after
 * each test.
 */
const { server, backend } = createNodeBackend({ seed: { profileCount: 50 } })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(async () => {
  await backend.db.reset('prod')
  await backend.db.reset('dev')
})
afterAll(() => {
  server.close()
  backend.close()
})
