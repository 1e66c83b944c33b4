import { nextMacrotask } from '../lib/macrotask'
import type { CommitBatch, DocKey, Persistence, StoredDoc } from './persistence'

/**
 * How long one task of a commit copies snapshots to the worker before it lets the page run:
 * `postMessage` copies a message on the main thread when it is called.
 */
const COMMIT_SLICE_MS = 4
/** Snapshots per message: copying one part takes well under a slice. */
const PART_DOCS = 16

/** One end of the channel between the page and the persistence worker. */
export interface PersistencePort {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  start?(): void
}

/** What the page asks the worker. A commit is sent as parts, then its end. */
export type PersistenceRequest =
  | { kind: 'load'; call: number; sandbox: string }
  | { kind: 'part'; call: number; docs: StoredDoc[] }
  | { kind: 'commit'; call: number; clears: string[]; deletes: DocKey[] }
  | { kind: 'abort'; call: number }
  | { kind: 'close' }

/** The worker's answer to a load or a commit (`docs` for a load). */
export type PersistenceAnswer =
  { call: number; ok: true; docs?: StoredDoc[] } | { call: number; ok: false; error: string }

/** The first message of a worker: whether it opened its storage. */
export type PersistenceReady = { ready: true } | { ready: false; error: string }

const isAnswer = (data: unknown): data is PersistenceAnswer =>
  typeof data === 'object' && data !== null && 'call' in data

const isReady = (data: unknown): data is PersistenceReady =>
  typeof data === 'object' && data !== null && 'ready' in data

/**
 * Persistence in a worker (docs/engine.md, "Persistence"): IndexedDB copies a value on the thread
 * that puts it, at about twice the cost of handing it to a worker, so the page only posts its
 * commits and a worker stores them in one transaction each. The plain puts of a commit are posted
 * at once (they may change afterwards); its snapshots a slice at a time, so a large commit never
 * holds the page for long. A commit resolves once the worker's transaction completed.
 */
export class WorkerPersistence implements Persistence {
  private calls = 0
  private readonly waiting = new Map<
    number,
    { resolve: (docs: StoredDoc[]) => void; reject: (error: Error) => void }
  >()

  private constructor(private readonly port: PersistencePort) {
    port.addEventListener('message', (event: MessageEvent) => {
      const { data } = event
      if (!isAnswer(data)) return
      const call = this.waiting.get(data.call)
      if (!call) return
      this.waiting.delete(data.call)
      if (data.ok) call.resolve(data.docs ?? [])
      else call.reject(new Error(data.error))
    })
  }

  /** Connects to a worker serving persistence; rejects when it could not open its storage. */
  static start(port: PersistencePort): Promise<WorkerPersistence> {
    return new Promise((resolve, reject) => {
      const listener = (event: MessageEvent) => {
        if (!isReady(event.data)) return
        if (event.data.ready) resolve(persistence)
        else reject(new Error(event.data.error))
      }
      port.addEventListener('message', listener)
      const persistence = new WorkerPersistence(port)
      port.start?.()
    })
  }

  load(sandbox: string): Promise<StoredDoc[]> {
    const call = ++this.calls
    const answer = this.answerTo(call)
    this.post({ kind: 'load', call, sandbox })
    return answer
  }

  async commit(batch: CommitBatch): Promise<void> {
    const call = ++this.calls
    const answer = this.answerTo(call)
    const { clears, deletes, puts } = batch
    const snapshots = batch.snapshots.toReversed()
    batch.snapshots.length = 0
    try {
      if (puts.length > 0) this.post({ kind: 'part', call, docs: puts })
      while (snapshots.length > 0) {
        const deadline = performance.now() + COMMIT_SLICE_MS
        while (snapshots.length > 0 && performance.now() < deadline) {
          const docs = snapshots.splice(-PART_DOCS).map(({ sandbox, collection, id, value }) => ({
            sandbox,
            collection,
            id,
            doc: value(),
          }))
          this.post({ kind: 'part', call, docs })
        }
        if (snapshots.length > 0) await new Promise<void>((resolve) => nextMacrotask(resolve))
      }
      this.post({ kind: 'commit', call, clears, deletes })
    } catch (error) {
      this.waiting.delete(call)
      this.post({ kind: 'abort', call })
      throw error
    }
    await answer
  }

  close(): void {
    this.post({ kind: 'close' })
    for (const call of this.waiting.values()) call.reject(new Error('Persistence was closed.'))
    this.waiting.clear()
  }

  private post(request: PersistenceRequest): void {
    const { port } = this
    port.postMessage(request)
  }

  private answerTo(call: number): Promise<StoredDoc[]> {
    return new Promise((resolve, reject) => this.waiting.set(call, { resolve, reject }))
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * The worker's side: answers the page's loads and commits from `persistence` (IndexedDB in the
 * worker). A commit's parts are kept until its end, then written in one transaction: clears,
 * deletes, then the documents in the order they were posted.
 */
export function servePersistence(port: PersistencePort, opening: Promise<Persistence>): void {
  const parts = new Map<number, StoredDoc[][]>()
  const answer = (message: PersistenceAnswer) => port.postMessage(message)
  port.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as PersistenceRequest
    switch (request.kind) {
      case 'part': {
        const list = parts.get(request.call)
        if (list) list.push(request.docs)
        else parts.set(request.call, [request.docs])
        return
      }
      case 'abort':
        parts.delete(request.call)
        return
      case 'close':
        void opening.then((persistence) => persistence.close())
        return
      case 'load':
      case 'commit': {
        const docs = request.kind === 'commit' ? (parts.get(request.call) ?? []).flat() : []
        parts.delete(request.call)
        const run = (persistence: Persistence) =>
          request.kind === 'load'
            ? persistence.load(request.sandbox).then((loaded) => ({ docs: loaded }))
            : persistence
                .commit({
                  clears: request.clears,
                  deletes: request.deletes,
                  puts: docs,
                  snapshots: [],
                })
                .then(() => ({}))
        void opening.then(run).then(
          (result) => answer({ call: request.call, ok: true, ...result }),
          (error: unknown) => answer({ call: request.call, ok: false, error: messageOf(error) }),
        )
      }
    }
  })
  opening.then(
    () => port.postMessage({ ready: true } satisfies PersistenceReady),
    (error: unknown) =>
      port.postMessage({ ready: false, error: messageOf(error) } satisfies PersistenceReady),
  )
  port.start?.()
}
