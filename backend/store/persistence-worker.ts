import { IdbPersistence } from './idb-persistence'
import { servePersistence } from './worker-persistence'

/** The persistence worker (`WorkerPersistence`): IndexedDB, off the page's main thread. */
servePersistence(self, IdbPersistence.open())
