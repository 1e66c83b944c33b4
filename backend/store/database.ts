import type { CommitBatch, DocKey, Persistence, Snapshot } from './persistence'

export type DocBase = { id: string }
export type CollectionMap = { [name: string]: DocBase }

/** How a collection's documents are stored: encoded when committed, decoded when loaded. */
export interface DocCodec<T> {
  /**
   * The document as stored. It must be a snapshot that nothing changes afterwards (a new encoded
   * copy, or the document itself when it is only ever replaced, never changed in place), so that
   * persistence may copy it over several tasks.
   */
  encode(doc: T): unknown
  decode(stored: unknown): T
  /**
   * Whether the document can no longer change: it is then encoded when persistence copies it,
   * not when its commit starts, so a large commit holds no encoded copies waiting their turn.
   */
  isFinal(doc: T): boolean
}

/**
 * The codec of a collection whose documents are replaced on every change, never edited: stored
 * as they are. `read` may prepare a document read back (it owns it).
 */
export const replacedDocs = <T>(read: (stored: T) => T = (doc) => doc): DocCodec<T> => ({
  encode: (doc) => doc,
  decode: (stored) => read(stored as T),
  isFinal: () => true,
})

export type CodecMap<C extends CollectionMap> = { [K in keyof C]?: DocCodec<C[K]> }

/**
 * The database's pending writes as collections see them: `generation` changes whenever writes
 * stop being pending (a commit took them, a reset dropped them).
 */
export interface PendingWrites {
  generation: number
}

/** One collection of one sandbox: synchronous reads and writes in memory, persisted behind. */
export class Collection<T extends DocBase> {
  private readonly docs = new Map<string, T>()
  private changes = 0
  /** The document put last, while it is the collection's and its write is still pending. */
  private lastPut: T | null = null
  private lastPutGeneration = 0

  constructor(
    readonly name: string,
    readonly sandbox: string,
    private readonly onWrite: (collection: Collection<T>, id: string, doc: T | null) => void,
    private readonly pending: PendingWrites,
  ) {}

  get size(): number {
    return this.docs.size
  }

  /** Grows with every change of the collection: equal versions, same documents. */
  get version(): number {
    return this.changes
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

  /**
   * Stores `doc` and writes it behind. Putting again the document put last, changed in place,
   * while its write is still pending costs nothing more: the commit copies it as it is then.
   */
  put(doc: T): T {
    this.changes++
    if (doc === this.lastPut && this.pending.generation === this.lastPutGeneration) return doc
    this.docs.set(doc.id, doc)
    this.onWrite(this, doc.id, doc)
    this.lastPut = doc
    this.lastPutGeneration = this.pending.generation
    return doc
  }

  delete(id: string): boolean {
    const existed = this.docs.delete(id)
    if (existed) {
      this.changes++
      this.lastPut = null
      this.onWrite(this, id, null)
    }
    return existed
  }

  /** Loads a persisted document without writing it back. */
  hydrate(doc: T): void {
    this.docs.set(doc.id, doc)
    this.changes++
    this.lastPut = null
  }

  clearMemory(): void {
    this.docs.clear()
    this.changes++
    this.lastPut = null
  }
}

/** A document of a commit as persistence copies it: encoded now, or when copied if final. */
function snapshotOf(codec: DocCodec<DocBase>, key: DocKey, doc: DocBase): Snapshot {
  if (codec.isFinal(doc)) return { ...key, value: () => codec.encode(doc) }
  const encoded = codec.encode(doc)
  return { ...key, value: () => encoded }
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
    private readonly pending: PendingWrites,
  ) {}

  collection<K extends keyof C & string>(name: K): Collection<C[K]> {
    let found = this.collections.get(name)
    if (!found) {
      found = new Collection<DocBase>(name, this.name, this.onWrite, this.pending)
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
   * Under a stream of writes (at least `streamDocs` documents pending when `flushDelayMs` has
   * passed), writes gather until this long after the first of them, then commit together: a
   * document written many times is stored once per batch, and the storage work comes once a
   * batch instead of along the stream. Light writes commit after `flushDelayMs`.
   */
  streamIntervalMs?: number
  streamDocs?: number
  /**
   * How some collections are stored. Their documents are committed as snapshots, copied over
   * several tasks; the others are copied when their commit starts.
   */
  codecs?: CodecMap<C>
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
  /** Changes whenever pending writes are taken or dropped (see `Collection.put`). */
  private readonly pendingWrites: PendingWrites = { generation: 0 }
  private timer: ReturnType<typeof setTimeout> | null = null
  private committing: Promise<void> = Promise.resolve()
  /** When the first of the pending writes was made. */
  private pendingSince: number | null = null
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
    this.pendingWrites.generation++
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
    return this.commit()
  }

  /** Queues a commit of every write made until it starts. */
  private commit(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const commit = this.committing.then(() => this.commitPending())
    this.committing = commit.catch(() => undefined)
    return commit
  }

  /**
   * The write-behind timer: commits the pending writes, unless they are a stream's (at least
   * `streamDocs` documents) gathered for less than `streamIntervalMs`: then it waits for the rest
   * of that time. A flush (a seed, a reset, a caller that needs the writes stored) never waits.
   */
  private writeBehind(): void {
    this.timer = null
    const { streamIntervalMs = 1000, streamDocs = 200 } = this.options
    let documents = 0
    for (const writes of this.pending.values()) documents += writes.size
    const gatherUntil = (this.pendingSince ?? 0) + streamIntervalMs
    if (documents >= streamDocs && Date.now() < gatherUntil) {
      this.timer = setTimeout(() => this.writeBehind(), gatherUntil - Date.now())
      return
    }
    this.commit().catch((error: unknown) => console.error('Persisting the backend failed', error))
  }

  /**
   * Takes the pending writes now and hands them to persistence: it copies the plain ones at once,
   * the snapshots of coded collections possibly later.
   */
  private async commitPending(): Promise<void> {
    const batch: CommitBatch = {
      clears: this.pendingClears,
      deletes: [],
      puts: [],
      snapshots: [],
    }
    for (const [{ sandbox, name }, writes] of this.pending) {
      const codec = this.codecOf(name)
      for (const [id, doc] of writes) {
        if (!doc) batch.deletes.push({ sandbox, collection: name, id })
        else if (codec)
          batch.snapshots.push(snapshotOf(codec, { sandbox, collection: name, id }, doc))
        else batch.puts.push({ sandbox, collection: name, id, doc })
      }
    }
    this.pending = new Map()
    this.pendingClears = []
    this.pendingSince = null
    this.pendingWrites.generation++
    const { clears, deletes, puts, snapshots } = batch
    if (!clears.length && !deletes.length && !puts.length && !snapshots.length) return
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
    const sandbox = new Sandbox<C>(
      name,
      (collection, id, doc) => this.record(collection, id, doc),
      this.pendingWrites,
    )
    const stored = await this.options.persistence.load(name)
    for (const entry of stored) {
      const codec = this.codecOf(entry.collection)
      const doc = codec ? codec.decode(entry.doc) : (entry.doc as DocBase)
      sandbox.collection(entry.collection).hydrate(doc as C[string])
    }
    if (!this.options.isSeeded(sandbox)) {
      this.options.seed(sandbox)
      await this.flush()
    }
    this.options.onLoad?.(sandbox)
    return sandbox
  }

  private codecOf(collection: string): DocCodec<DocBase> | undefined {
    return this.options.codecs?.[collection as keyof C]
  }

  private record(collection: Collection<DocBase>, id: string, doc: DocBase | null): void {
    let writes = this.pending.get(collection)
    if (!writes) {
      writes = new Map()
      this.pending.set(collection, writes)
    }
    writes.set(id, doc)
    this.pendingSince ??= Date.now()
    this.timer ??= setTimeout(() => this.writeBehind(), this.options.flushDelayMs ?? 25)
  }
}
