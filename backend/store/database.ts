import type { CommitBatch, DocKey, Persistence, StoredDoc } from './persistence'

export type DocBase = { id: string }
export type CollectionMap = { [name: string]: DocBase }

/** One collection of one sandbox: synchronous reads and writes in memory, persisted behind. */
export class Collection<T extends DocBase> {
  private readonly docs = new Map<string, T>()

  constructor(
    private readonly name: string,
    private readonly sandbox: string,
    private readonly onWrite: (key: DocKey, doc: T | null) => void,
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
    this.onWrite({ sandbox: this.sandbox, collection: this.name, id: doc.id }, doc)
    return doc
  }

  delete(id: string): boolean {
    const existed = this.docs.delete(id)
    if (existed) this.onWrite({ sandbox: this.sandbox, collection: this.name, id }, null)
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
    private readonly onWrite: (key: DocKey, doc: DocBase | null) => void,
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
}

/**
 * The backend's data: every sandbox lives in memory (reads and writes are synchronous, so the
 * engine never waits on storage) and is written behind to persistence in batched transactions.
 * Documents written together before a flush commit together.
 */
export class Database<C extends CollectionMap> {
  private readonly sandboxes = new Map<string, Promise<Sandbox<C>>>()
  private pending = new Map<string, StoredDoc | DocKey>()
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
    for (const key of this.pending.keys()) {
      if (this.pending.get(key)?.sandbox === name) this.pending.delete(key)
    }
    this.pendingClears.push(name)
    this.options.seed(sandbox)
    await this.flush()
    return sandbox
  }

  /** Commits every write made so far; resolves when it is durable. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const batch: CommitBatch = { clears: this.pendingClears, deletes: [], puts: [] }
    for (const entry of this.pending.values()) {
      if ('doc' in entry) batch.puts.push(entry)
      else batch.deletes.push(entry)
    }
    this.pending = new Map()
    this.pendingClears = []
    const empty = !batch.clears.length && !batch.deletes.length && !batch.puts.length
    this.committing = this.committing.then(async () => {
      if (empty) return
      try {
        await this.options.persistence.commit(batch)
      } catch (error) {
        this.failure = error
        throw error
      }
    })
    return this.committing
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
    const sandbox = new Sandbox<C>(name, (key, doc) => this.record(key, doc))
    const stored = await this.options.persistence.load(name)
    for (const entry of stored) {
      sandbox.collection(entry.collection).hydrate(entry.doc as DocBase as C[string])
    }
    if (!this.options.isSeeded(sandbox)) {
      this.options.seed(sandbox)
      await this.flush()
    }
    return sandbox
  }

  private record(key: DocKey, doc: DocBase | null): void {
    const k = `${key.sandbox}\u0000${key.collection}\u0000${key.id}`
    this.pending.set(k, doc ? { ...key, doc } : key)
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
