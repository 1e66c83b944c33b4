import type { RequestHandler } from 'msw'
import { demoHandlers } from './api/demo'
import { demoHostHandlers } from './api/demo-hosts'
import { flowServiceHandlers } from './api/flow-service'
import { schemaRegistryHandlers } from './api/schema-registry'
import { segmentationHandlers } from './api/segmentation'
import { createRoute } from './http/route'
import { systemClock, type Clock } from './lib/clock'
import { SANDBOXES, type Collections } from './model'
import { createOutbound, type InAppService, type Outbound } from './receiver/outbound'
import { TokenServer } from './receiver/token-server'
import { seedSandbox, isSeeded, type SeedOptions } from './seed/seed'
import { FlowEvents } from './services/flow-events'
import { Database } from './store/database'
import type { Persistence } from './store/persistence'

export interface BackendOptions {
  persistence: Persistence
  clock?: Clock
  seed?: Omit<SeedOptions, 'clock'>
}

export interface Backend {
  db: Database<Collections>
  clock: Clock
  events: FlowEvents
  tokenServer: TokenServer
  /** Sends a request out: to the in-app demo services, or to the network. */
  outbound: Outbound
  handlers: RequestHandler[]
  close(): void
}

/** Wires the store, the services and the HTTP handlers; the same in the browser and in Node. */
export function createBackend({ persistence, clock = systemClock, seed }: BackendOptions): Backend {
  const db = new Database<Collections>({
    persistence,
    seed: (sandbox) => seedSandbox(sandbox, { clock, ...seed }),
    isSeeded,
  })
  const route = createRoute(db, SANDBOXES)
  const events = new FlowEvents()
  const tokenServer = new TokenServer(clock)
  const inApp: InAppService[] = [
    (request) =>
      request.host === 'auth.example' && request.path === '/oauth/token'
        ? tokenServer.handle(request)
        : null,
  ]
  const outbound = createOutbound(inApp)
  const handlers = [
    ...flowServiceHandlers(route, { clock, events, outbound }),
    ...segmentationHandlers(route),
    ...schemaRegistryHandlers(route),
    ...demoHandlers(route, db, clock),
    ...demoHostHandlers(inApp),
  ]
  return { db, clock, events, tokenServer, outbound, handlers, close: () => db.close() }
}
