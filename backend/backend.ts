import type { RequestHandler } from 'msw'
import { alertHandlers } from './api/alerts'
import { demoHandlers } from './api/demo'
import { demoBenchHandlers } from './api/demo-bench'
import { demoHostHandlers } from './api/demo-hosts'
import { demoReceiverHandlers } from './api/demo-receiver'
import { engineRoute } from './api/engine-route'
import { exportHandlers } from './api/exports'
import { flowServiceHandlers } from './api/flow-service'
import { profileHandlers } from './api/profiles'
import { schemaRegistryHandlers } from './api/schema-registry'
import { segmentationHandlers } from './api/segmentation'
import { Engine } from './engine/runtime/engine'
import { DomainEvents } from './events/domain-events'
import { fallbackHandlers } from './http/fallback'
import { createRoute } from './http/route'
import { systemClock, type Scheduler } from './lib/clock'
import { COLLECTION_CODECS, SANDBOXES, type Collections } from './store/collections'
import { createDemoServices } from './receiver/demo-services'
import { createOutbound, type Outbound } from './receiver/outbound'
import { TokenServer } from './receiver/token-server'
import { seedSandbox, isSeeded, type SeedOptions } from './seed/seed'
import { ProfilePatchChecker } from './services/profile-writes'
import { TrafficRegistry } from './services/traffic'
import { Database } from './store/database'
import type { Persistence } from './store/persistence'

export interface BackendOptions {
  persistence: Persistence
  /** Time and timers: retries, the live stream and generated traffic run on it. */
  clock?: Scheduler
  seed?: Omit<SeedOptions, 'clock'>
  /** Uniform in [0, 1), for the retry jitter. */
  random?: () => number
}

export interface Backend {
  db: Database<Collections>
  clock: Scheduler
  /** The domain events the services publish and the engine hears. */
  events: DomainEvents
  tokenServer: TokenServer
  /** Sends a request out: to the in-app demo services, or to the network. */
  outbound: Outbound
  /** The execution engine: export decisions, deliveries, the live stream. */
  engine: Engine
  handlers: RequestHandler[]
  /** Stops the engine's timers and work and closes the store, without a last flush. */
  close(): void
}

/** Wires the store, the engine, the services and the HTTP handlers; the same in the browser and in Node. */
export function createBackend({
  persistence,
  clock = systemClock,
  seed,
  random,
}: BackendOptions): Backend {
  const tokenServer = new TokenServer(clock)
  const outbound = createOutbound(
    createDemoServices({ tokenServer, logs: (sandbox) => engine.forSandbox(sandbox).receiver }),
    clock,
  )
  const events = new DomainEvents()
  const engine = new Engine({ clock, events, outbound, random })
  const db = new Database<Collections>({
    persistence,
    seed: (sandbox) => seedSandbox(sandbox, { clock, ...seed }),
    isSeeded,
    codecs: COLLECTION_CODECS,
    onLoad: (sandbox) => engine.load(sandbox),
  })
  const route = createRoute(db, SANDBOXES)
  const withEngine = engineRoute(route, engine, {
    clock,
    events,
    patches: new ProfilePatchChecker(),
  })
  const routes = [
    ...exportHandlers(withEngine),
    ...alertHandlers(withEngine),
    ...flowServiceHandlers(route, { clock, events, outbound }),
    ...segmentationHandlers(withEngine),
    ...profileHandlers(withEngine, new TrafficRegistry()),
    ...schemaRegistryHandlers(route),
    ...demoHandlers(route, db, clock),
    ...demoReceiverHandlers(withEngine),
    ...demoBenchHandlers(withEngine, engine, db),
    ...demoHostHandlers(db, SANDBOXES, outbound),
  ]
  const handlers = [...routes, ...fallbackHandlers(routes)]
  return {
    db,
    clock,
    events,
    tokenServer,
    outbound,
    engine,
    handlers,
    close: () => {
      engine.stop()
      db.close()
    },
  }
}
