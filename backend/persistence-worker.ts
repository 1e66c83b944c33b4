import { connectionSecrets } from './services/specs'
import { IdbPersistence } from './store/idb-persistence'
import { SealedPersistence } from './store/sealed-persistence'
import { servePersistence } from './store/worker-persistence'

/**
 * The persistence worker (`WorkerPersistence`): IndexedDB, off the page's main thread, with the
 * accounts' secrets sealed.
 */
servePersistence(
  self,
  IdbPersistence.open().then((db) => new SealedPersistence(db, connectionSecrets)),
)
