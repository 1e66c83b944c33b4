/** One document as persistence sees it: addressed by sandbox, collection and id. */
export interface StoredDoc {
  sandbox: string
  collection: string
  id: string
  doc: unknown
}

export interface DocKey {
  sandbox: string
  collection: string
  id: string
}

/** A batch written in one transaction: sandboxes cleared first, then deletes, then puts. */
export interface CommitBatch {
  clears: string[]
  deletes: DocKey[]
  puts: StoredDoc[]
}

/** Where the in-memory database writes through to: IndexedDB in the browser, memory in Node. */
export interface Persistence {
  load(sandbox: string): Promise<StoredDoc[]>
  /**
   * Writes the batch in one transaction. The documents are copied synchronously, before this
   * returns (IndexedDB clones a value when `put` is called), so later changes to them in memory
   * belong to a later batch.
   */
  commit(batch: CommitBatch): Promise<void>
  close(): void
}

const keyOf = (k: DocKey) => `${k.sandbox}\u0000${k.collection}\u0000${k.id}`

/** Keeps committed documents in a Map: the Node backend's store, and a test double for reopening. */
export class MemoryPersistence implements Persistence {
  private readonly docs = new Map<string, StoredDoc>()

  load(sandbox: string): Promise<StoredDoc[]> {
    return Promise.resolve(
      [...this.docs.values()]
        .filter((d) => d.sandbox === sandbox)
        .map((d) => ({ ...d, doc: structuredClone(d.doc) })),
    )
  }

  commit(batch: CommitBatch): Promise<void> {
    for (const sandbox of batch.clears) {
      for (const [key, doc] of this.docs) if (doc.sandbox === sandbox) this.docs.delete(key)
    }
    for (const key of batch.deletes) this.docs.delete(keyOf(key))
    for (const put of batch.puts)
      this.docs.set(keyOf(put), { ...put, doc: structuredClone(put.doc) })
    return Promise.resolve()
  }

  close(): void {}
}
