import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { CommitBatch, Persistence, StoredDoc } from './persistence'

interface ConsoleDb extends DBSchema {
  docs: { key: [string, string, string]; value: StoredDoc }
}

const STORE = 'docs'

/** IndexedDB persistence: one object store keyed by [sandbox, collection, id]. */
export class IdbPersistence implements Persistence {
  private constructor(private readonly db: IDBPDatabase<ConsoleDb>) {}

  static async open(name = 'destination-console'): Promise<IdbPersistence> {
    const db = await openDB<ConsoleDb>(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE, { keyPath: ['sandbox', 'collection', 'id'] })
      },
    })
    return new IdbPersistence(db)
  }

  load(sandbox: string): Promise<StoredDoc[]> {
    // Arrays sort after strings, so [sandbox, []] bounds every [sandbox, collection, id] key.
    return this.db.getAll(STORE, IDBKeyRange.bound([sandbox], [sandbox, []]))
  }

  async commit(batch: CommitBatch): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite')
    const store = tx.objectStore(STORE)
    const writes: Promise<unknown>[] = []
    for (const sandbox of batch.clears) {
      writes.push(store.delete(IDBKeyRange.bound([sandbox], [sandbox, []])))
    }
    for (const k of batch.deletes) writes.push(store.delete([k.sandbox, k.collection, k.id]))
    for (const put of batch.puts) writes.push(store.put(put))
    await Promise.all([...writes, tx.done])
  }

  close(): void {
    this.db.close()
  }
}
