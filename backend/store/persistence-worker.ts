import { connectionSecrets } from '../services/specs'
import { IdbPersistence } from './idb-persistence'
import { SealedPersistence } from './sealed-persistence'
import { servePersistence } from './worker-persistence'

/**
 * The persistence worker (`WorkerPersistence`): IndexedDB, off the page's main thread, with the
 * accounts' secrets sealed.
 */
servePersistence(
  self,
  IdbPersistence.open().then((db) => new SealedPersistence(db, connectionSecrets)),
)
