import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb'
import {
  generateSecretKey,
  type CommitBatch,
  type KeyedPersistence,
  type StoredDoc,
} from './persistence'

interface ConsoleDb extends DBSchema {
  docs: { key: [string, string, string]; value: StoredDoc }
  /** The key that seals secrets (`SealedPersistence`), under `SECRET_KEY`. */
  keys: { key: string; value: CryptoKey }
}

const STORE = 'docs'
const SECRET_KEY = 'secrets'

/**
 * IndexedDB persistence: one object store keyed by [sandbox, collection, id], a commit in one
 * transaction. It runs in the persistence worker (`WorkerPersistence`): IndexedDB copies every
 * value on the thread that puts it, so the page never calls it during its work.
 */
export class IdbPersistence implements KeyedPersistence {
  private constructor(private readonly db: IDBPDatabase<ConsoleDb>) {}

  static async open(name = 'destination-console'): Promise<IdbPersistence> {
    const db = await openDB<ConsoleDb>(name, 2, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore(STORE, { keyPath: ['sandbox', 'collection', 'id'] })
        }
        database.createObjectStore('keys')
      },
    })
    return new IdbPersistence(db)
  }

  /** The stored key, or a new one stored now; a second caller gets the one stored first. */
  async secretKey(): Promise<CryptoKey> {
    const stored = await this.db.get('keys', SECRET_KEY)
    if (stored) return stored
    const key = await generateSecretKey()
    const tx = this.db.transaction('keys', 'readwrite')
    const kept = (await tx.store.get(SECRET_KEY)) ?? key
    if (kept === key) await tx.store.put(key, SECRET_KEY)
    await tx.done
    return kept
  }

  load(sandbox: string): Promise<StoredDoc[]> {
    // Arrays sort after strings, so [sandbox, []] bounds every [sandbox, collection, id] key.
    return this.db.getAll(STORE, IDBKeyRange.bound([sandbox], [sandbox, []]))
  }

  commit(batch: CommitBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = unwrap(this.db).transaction(STORE, 'readwrite')
      tx.addEventListener('complete', () => resolve())
      tx.addEventListener('abort', () => reject(tx.error ?? new Error('The commit was aborted.')))
      try {
        const store = tx.objectStore(STORE)
        for (const sandbox of batch.clears) {
          store.delete(IDBKeyRange.bound([sandbox], [sandbox, []]))
        }
        for (const k of batch.deletes) store.delete([k.sandbox, k.collection, k.id])
        for (const put of batch.puts) store.put(put)
        for (const { sandbox, collection, id, value } of batch.snapshots) {
          store.put({ sandbox, collection, id, doc: value() })
        }
      } catch (error) {
        tx.abort()
        reject(error)
      }
    })
  }

  close(): void {
    this.db.close()
  }
}
