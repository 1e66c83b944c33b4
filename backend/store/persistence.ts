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

/**
 * A document of a commit that persistence may copy later: `value()` gives what to store, the
 * same whenever it is called (an encoded copy made when the commit started, or a document that
 * no longer changes, encoded on demand).
 */
export interface Snapshot extends DocKey {
  readonly value: () => unknown
}

/**
 * A batch written in one transaction: sandboxes cleared first, then deletes, then puts, then
 * snapshots.
 */
export interface CommitBatch {
  clears: string[]
  deletes: DocKey[]
  /** Documents that may change once the commit has started: copied before `commit` returns. */
  puts: StoredDoc[]
  /**
   * Documents that never change (encoded copies, documents only ever replaced): persistence may
   * copy them over several tasks of the event loop, so a large commit never blocks the page. It
   * takes the list, and may empty it so that a copied document is not kept for the whole commit.
   */
  snapshots: Snapshot[]
}

/** Where the in-memory database writes through to: IndexedDB in the browser, memory in Node. */
export interface Persistence {
  load(sandbox: string): Promise<StoredDoc[]>
  /**
   * Writes the batch in one transaction. The `puts` are copied synchronously, before this
   * returns (IndexedDB clones a value when `put` is called), so later changes to them in memory
   * belong to a later batch; the `snapshots` may be copied later.
   */
  commit(batch: CommitBatch): Promise<void>
  close(): void
}

/** Persistence that also keeps the key secrets are sealed with (docs/api.md, "Secrets at rest"). */
export interface KeyedPersistence extends Persistence {
  /**
   * The AES-GCM key, generated on first use and stored with the documents: non-extractable, so
   * it can encrypt and decrypt but never be read out.
   */
  secretKey(): Promise<CryptoKey>
}

/** Generates the key a `KeyedPersistence` stores. */
export const generateSecretKey = (): Promise<CryptoKey> =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])

const keyOf = (k: DocKey) => `${k.sandbox}\u0000${k.collection}\u0000${k.id}`

/** Keeps committed documents in a Map: the Node backend's store, and a test double for reopening. */
export class MemoryPersistence implements KeyedPersistence {
  private readonly docs = new Map<string, StoredDoc>()
  private key: Promise<CryptoKey> | null = null

  secretKey(): Promise<CryptoKey> {
    this.key ??= generateSecretKey()
    return this.key
  }

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
    for (const { sandbox, collection, id, value } of batch.snapshots) {
      this.docs.set(keyOf({ sandbox, collection, id }), {
        sandbox,
        collection,
        id,
        doc: structuredClone(value()),
      })
    }
    return Promise.resolve()
  }

  close(): void {}
}
