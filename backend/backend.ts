import type { RequestHandler } from 'msw'
import { demoHandlers } from './api/demo'
import { flowServiceHandlers } from './api/flow-service'
import { segmentationHandlers } from './api/segmentation'
import { createRoute } from './http/route'
import { systemClock, type Clock } from './lib/clock'
import { SANDBOXES, type Collections } from './model'
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
  const handlers = [
    ...flowServiceHandlers(route, clock, events),
    ...segmentationHandlers(route),
    ...demoHandlers(route, db, clock),
  ]
  return { db, clock, events, handlers, close: () => db.close() }
}
