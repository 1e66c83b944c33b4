import { describe, expect, it } from 'vitest'
import { Database } from './database'
import {
  MemoryPersistence,
  type CommitBatch,
  type Persistence,
  type StoredDoc,
} from './persistence'

type Docs = { meta: { id: string }; notes: { id: string; text: string } }

/** Persistence whose commits wait until the test lets them finish (or fail). */
class GatedPersistence implements Persistence {
  readonly commits: { batch: CommitBatch; copy: StoredDoc[] }[] = []
  private readonly gates: { resolve: () => void; reject: (error: Error) => void }[] = []

  load() {
    return Promise.resolve([])
  }

  commit(batch: CommitBatch) {
    this.commits.push({ batch, copy: structuredClone(batch.puts) })
    return new Promise<void>((resolve, reject) => this.gates.push({ resolve, reject }))
  }

  release(error?: Error) {
    const gate = this.gates.shift()
    if (error) gate?.reject(error)
    else gate?.resolve()
  }

  close() {}
}

/** Waits (a task at a time) until the database has asked for `count` commits. */
async function commitsStarted(persistence: GatedPersistence, count: number) {
  while (persistence.commits.length < count) await new Promise((resolve) => setTimeout(resolve, 0))
}

/** Opens prod; its seed is the first commit. */
async function openProd(persistence: GatedPersistence) {
  const db = open(persistence)
  const opening = db.sandbox('prod')
  await commitsStarted(persistence, 1)
  persistence.release()
  return { db, sandbox: await opening }
}

const open = (persistence: Persistence) =>
  new Database<Docs>({
    persistence,
    seed: (sandbox) => void sandbox.collection('meta').put({ id: 'seed' }),
    isSeeded: (sandbox) => sandbox.collection('meta').has('seed'),
  })

describe('Database', () => {
  it('commits the state a document has when its commit starts, changes after go in the next', async () => {
    const persistence = new GatedPersistence()
    const { db, sandbox } = await openProd(persistence)
    const notes = sandbox.collection('notes')
    const doc = notes.put({ id: 'a', text: 'first' })
    const first = db.flush()
    await commitsStarted(persistence, 2)
    doc.text = 'second'
    notes.put(doc)
    notes.put({ id: 'b', text: 'with it' })
    const second = db.flush()
    notes.put({ id: 'c', text: 'written before that commit started' })
    persistence.release()
    await first
    await commitsStarted(persistence, 3)
    persistence.release()
    await second
    const texts = persistence.commits
      .slice(1)
      .map((c) => c.copy.map((p) => (p.doc as { text: string }).text))
    expect(texts).toEqual([['first'], ['second', 'with it', 'written before that commit started']])
  })

  it('reports a failed commit and goes on with the next', async () => {
    const persistence = new GatedPersistence()
    const { db, sandbox } = await openProd(persistence)
    sandbox.collection('notes').put({ id: 'x', text: 'lost' })
    const failing = db.flush()
    await commitsStarted(persistence, 2)
    persistence.release(new Error('disk full'))
    await expect(failing).rejects.toThrow('disk full')
    expect(db.lastFailure).toBeInstanceOf(Error)
    sandbox.collection('notes').put({ id: 'y', text: 'kept' })
    const next = db.flush()
    await commitsStarted(persistence, 3)
    persistence.release()
    await expect(next).resolves.toBeUndefined()
  })

  it('calls onLoad once a sandbox is open and again after a reset', async () => {
    const loaded: string[] = []
    const db = new Database<Docs>({
      persistence: new MemoryPersistence(),
      seed: (sandbox) => void sandbox.collection('meta').put({ id: 'seed' }),
      isSeeded: (sandbox) => sandbox.collection('meta').has('seed'),
      onLoad: (sandbox) => loaded.push(`${sandbox.name}:${sandbox.collection('meta').size}`),
    })
    await db.sandbox('prod')
    await db.sandbox('prod')
    await db.reset('prod')
    expect(loaded).toEqual(['prod:1', 'prod:1'])
  })
})
