import type { CommitBatch, Persistence } from './persistence'

export type DocBase = { id: string }
export type CollectionMap = { [name: string]: DocBase }

/** One collection of one sandbox: synchronous reads and writes in memory, persisted behind. */
export class Collection<T extends DocBase> {
  private readonly docs = new Map<string, T>()

  constructor(
    readonly name: string,
    readonly sandbox: string,
    private readonly onWrite: (collection: Collection<T>, id: string, doc: T | null) => void,
  ) {}

  get size(): number {
    return this.docs.size
  }

  get(id: string): T | undefined {
    return this.docs.get(id)
  }

  has(id: string): boolean {
    return this.docs.has(id)
  }

  all(): T[] {
    return [...this.docs.values()]
  }

  values(): IterableIterator<T> {
    return this.docs.values()
  }

  put(doc: T): T {
    this.docs.set(doc.id, doc)
    this.onWrite(this, doc.id, doc)
    return doc
  }

  delete(id: string): boolean {
    const existed = this.docs.delete(id)
    if (existed) this.onWrite(this, id, null)
    return existed
  }

  /** Loads a persisted document without writing it back. */
  hydrate(doc: T): void {
    this.docs.set(doc.id, doc)
  }

  clearMemory(): void {
    this.docs.clear()
  }
}

/** The documents of one sandbox, grouped by collection. */
export class Sandbox<C extends CollectionMap> {
  private readonly collections = new Map<string, Collection<DocBase>>()

  constructor(
    readonly name: string,
    private readonly onWrite: (
      collection: Collection<DocBase>,
      id: string,
      doc: DocBase | null,
    ) => void,
  ) {}

  collection<K extends keyof C & string>(name: K): Collection<C[K]> {
    let found = this.collections.get(name)
    if (!found) {
      found = new Collection<DocBase>(name, this.name, this.onWrite)
      this.collections.set(name, found)
    }
    return found as unknown as Collection<C[K]>
  }

  clearMemory(): void {
    for (const c of this.collections.values()) c.clearMemory()
  }
}

export interface DatabaseOptions<C extends CollectionMap> {
  persistence: Persistence
  /** Fills a sandbox that has never been seeded, or was reset. */
  seed: (sandbox: Sandbox<C>) => void
  /** Tells a seeded sandbox from a new one. */
  isSeeded: (sandbox: Sandbox<C>) => boolean
  /** How long writes gather before one transaction commits them. */
  flushDelayMs?: number
  /**
   * Called once a sandbox's documents are in memory: after it is opened (loaded or seeded) and
   * after it is reset. The engine (re)builds its state of the sandbox here.
   */
  onLoad?: (sandbox: Sandbox<C>) => void
}

/**
 * The backend's data: every sandbox lives in memory (reads and writes are synchronous, so the
 * engine never waits on storage) and is written behind to persistence in batched transactions.
 * A commit takes every write made until the moment it starts, in one transaction, and
 * persistence copies the documents as they are at that moment: what is committed is always the
 * state after a whole synchronous run of code, never half of it.
 */
export class Database<C extends CollectionMap> {
  private readonly sandboxes = new Map<string, Promise<Sandbox<C>>>()
  /** Writes not committed yet: the last document written per id, null for a delete. */
  private pending = new Map<Collection<DocBase>, Map<string, DocBase | null>>()
  private pendingClears: string[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private committing: Promise<void> = Promise.resolve()
  private failure: unknown = null

  constructor(private readonly options: DatabaseOptions<C>) {}

  sandbox(name: string): Promise<Sandbox<C>> {
    let found = this.sandboxes.get(name)
    if (!found) {
      found = this.open(name)
      this.sandboxes.set(name, found)
      found.catch(() => this.sandboxes.delete(name))
    }
    return found
  }

  /** Drops every document of the sandbox and seeds it again. */
  async reset(name: string): Promise<Sandbox<C>> {
    const sandbox = await this.sandbox(name)
    sandbox.clearMemory()
    for (const collection of this.pending.keys()) {
      if (collection.sandbox === name) this.pending.delete(collection)
    }
    this.pendingClears.push(name)
    this.options.seed(sandbox)
    this.options.onLoad?.(sandbox)
    await this.flush()
    return sandbox
  }

  /**
   * Commits every write made so far; resolves when it is durable. A failed commit rejects this
   * call, is kept in `lastFailure`, and does not stop later commits.
   */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const commit = this.committing.then(() => this.commitPending())
    this.committing = commit.catch(() => undefined)
    return commit
  }

  /** Takes the pending writes now and hands them to persistence, which copies them at once. */
  private async commitPending(): Promise<void> {
    const batch: CommitBatch = { clears: this.pendingClears, deletes: [], puts: [] }
    for (const [{ sandbox, name }, writes] of this.pending) {
      for (const [id, doc] of writes) {
        if (doc) batch.puts.push({ sandbox, collection: name, id, doc })
        else batch.deletes.push({ sandbox, collection: name, id })
      }
    }
    this.pending = new Map()
    this.pendingClears = []
    if (!batch.clears.length && !batch.deletes.length && !batch.puts.length) return
    try {
      await this.options.persistence.commit(batch)
    } catch (error) {
      this.failure = error
      throw error
    }
  }

  /** The last persistence failure, if any: the UI reports it instead of losing data silently. */
  get lastFailure(): unknown {
    return this.failure
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.options.persistence.close()
  }

  private async open(name: string): Promise<Sandbox<C>> {
    const sandbox = new Sandbox<C>(name, (collection, id, doc) => this.record(collection, id, doc))
    const stored = await this.options.persistence.load(name)
    for (const entry of stored) {
      sandbox.collection(entry.collection).hydrate(entry.doc as DocBase as C[string])
    }
    if (!this.options.isSeeded(sandbox)) {
      this.options.seed(sandbox)
      await this.flush()
    }
    this.options.onLoad?.(sandbox)
    return sandbox
  }

  private record(collection: Collection<DocBase>, id: string, doc: DocBase | null): void {
    let writes = this.pending.get(collection)
    if (!writes) {
      writes = new Map()
      this.pending.set(collection, writes)
    }
    writes.set(id, doc)
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null
        this.flush().catch((error: unknown) =>
          console.error('Persisting the backend failed', error),
        )
      }, this.options.flushDelayMs ?? 25)
    }
  }
}
