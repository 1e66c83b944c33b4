import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb'
import type { CommitBatch, Persistence, StoredDoc } from './persistence'

interface ConsoleDb extends DBSchema {
  docs: { key: [string, string, string]; value: StoredDoc }
}

const STORE = 'docs'

/**
 * How long one task of a commit copies snapshots before it lets the page run: IndexedDB
 * serializes a value on the main thread when `put` is called.
 */
const COMMIT_SLICE_MS = 4
/** Success events this close to the end of a slice came in the same task as it. */
const SAME_TASK_MS = 1

/**
 * IndexedDB persistence: one object store keyed by [sandbox, collection, id]. A commit is one
 * transaction; its snapshots are put a slice at a time, so a large commit is spread over many
 * short tasks. A slice runs from a success event of a put of the previous ones (the transaction
 * is active there), so the database always has puts to store while the page does other work in
 * between; answers that come together are dispatched in one task, where only the first runs a
 * slice while another answer is still to come. Each snapshot is dropped from the batch once put,
 * so its copy does not outlive its slice.
 */
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

  commit(batch: CommitBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = unwrap(this.db).transaction(STORE, 'readwrite')
      let failure: unknown = null
      tx.addEventListener('complete', () => resolve())
      tx.addEventListener('abort', () => reject(tx.error ?? failure))
      const store = tx.objectStore(STORE)
      const snapshots = batch.snapshots.toReversed()
      batch.snapshots.length = 0
      let answersToCome = 0
      let sliceEnd = Number.NEGATIVE_INFINITY
      const answered = () => {
        answersToCome--
        if (answersToCome > 0 && performance.now() - sliceEnd < SAME_TASK_MS) return
        slice()
      }
      const slice = () => {
        try {
          const deadline = performance.now() + COMMIT_SLICE_MS
          for (let next = snapshots.pop(); next; next = snapshots.pop()) {
            const { sandbox, collection, id } = next
            store
              .put({ sandbox, collection, id, doc: next.value() })
              .addEventListener('success', answered)
            answersToCome++
            if (performance.now() >= deadline) break
          }
          sliceEnd = performance.now()
        } catch (error) {
          failure = error
          tx.abort()
        }
      }
      try {
        for (const sandbox of batch.clears) {
          store.delete(IDBKeyRange.bound([sandbox], [sandbox, []]))
        }
        for (const k of batch.deletes) store.delete([k.sandbox, k.collection, k.id])
        for (const put of batch.puts) store.put(put)
      } catch (error) {
        failure = error
        tx.abort()
        return
      }
      slice()
    })
  }

  close(): void {
    this.db.close()
  }
}
