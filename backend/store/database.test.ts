import { describe, expect, it, vi } from 'vitest'
import { Database, replacedDocs, type DocCodec } from './database'
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
    const snapshots = batch.snapshots.map(({ value, ...key }) => ({ ...key, doc: value() }))
    this.commits.push({ batch, copy: structuredClone([...batch.puts, ...snapshots]) })
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

type Note = Docs['notes']

/** Notes stored as `[id, text]` rows; a note whose text is `final` no longer changes. */
const noteRows: DocCodec<Note> = {
  encode: (note) => [note.id, note.text],
  decode: (stored) => {
    const [id, text] = stored as [string, string]
    return { id, text }
  },
  isFinal: (note) => note.text === 'final',
}

const open = (persistence: Persistence, codecs: { notes?: DocCodec<Note> } = {}) =>
  new Database<Docs>({
    persistence,
    seed: (sandbox) => void sandbox.collection('meta').put({ id: 'seed' }),
    isSeeded: (sandbox) => sandbox.collection('meta').has('seed'),
    codecs,
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

  it('gathers a stream of writes for a second from its first write, but never delays a flush', async () => {
    vi.useFakeTimers()
    try {
      const persistence = new MemoryPersistence()
      const commit = vi.spyOn(persistence, 'commit')
      const db = new Database<Docs>({
        persistence,
        seed: (sandbox) => void sandbox.collection('meta').put({ id: 'seed' }),
        isSeeded: (sandbox) => sandbox.collection('meta').has('seed'),
        flushDelayMs: 25,
        streamIntervalMs: 1000,
        streamDocs: 3,
      })
      const notes = (await db.sandbox('prod')).collection('notes')
      const write = (id: string) => notes.put({ id, text: id })
      write('a')
      await vi.advanceTimersByTimeAsync(25)
      expect(commit).toHaveBeenCalledTimes(2)

      for (const id of ['b', 'c', 'd']) write(id)
      await vi.advanceTimersByTimeAsync(500)
      write('e')
      await vi.advanceTimersByTimeAsync(499)
      expect(commit).toHaveBeenCalledTimes(2)
      await vi.advanceTimersByTimeAsync(1)
      expect(commit).toHaveBeenCalledTimes(3)
      expect(commit.mock.lastCall?.[0].puts.map((p) => p.id)).toEqual(['b', 'c', 'd', 'e'])

      write('f')
      await vi.advanceTimersByTimeAsync(25)
      expect(commit).toHaveBeenCalledTimes(4)

      for (const id of ['g', 'h', 'i']) write(id)
      await db.flush()
      expect(commit).toHaveBeenCalledTimes(5)
      write('j')
      await vi.advanceTimersByTimeAsync(25)
      expect(commit).toHaveBeenCalledTimes(6)
    } finally {
      vi.useRealTimers()
    }
  })

  it('writes a document changed in place and put again once per commit, as it is then', async () => {
    const persistence = new GatedPersistence()
    const { db, sandbox } = await openProd(persistence)
    const notes = sandbox.collection('notes')
    const note = { id: 'n', text: 'one' }
    notes.put(note)
    note.text = 'two'
    notes.put(note)
    const first = db.flush()
    await commitsStarted(persistence, 2)
    persistence.release()
    await first
    note.text = 'three'
    notes.put(note)
    notes.delete('n')
    notes.put(note)
    const second = db.flush()
    await commitsStarted(persistence, 3)
    persistence.release()
    await second
    expect(persistence.commits.slice(1).map((c) => c.copy)).toEqual([
      [{ sandbox: 'prod', collection: 'notes', id: 'n', doc: { id: 'n', text: 'two' } }],
      [{ sandbox: 'prod', collection: 'notes', id: 'n', doc: { id: 'n', text: 'three' } }],
    ])
    expect(persistence.commits[2].batch.deletes).toEqual([])
    expect(notes.get('n')).toBe(note)
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

  it('commits a coded collection as snapshots encoded when the commit starts', async () => {
    const persistence = new GatedPersistence()
    const db = open(persistence, { notes: noteRows })
    const opening = db.sandbox('prod')
    await commitsStarted(persistence, 1)
    persistence.release()
    const notes = (await opening).collection('notes')
    const note = notes.put({ id: 'a', text: 'first' })
    notes.put({ id: 'b', text: 'final' })
    const committing = db.flush()
    await commitsStarted(persistence, 2)
    note.text = 'changed after the commit started'
    persistence.release()
    await committing
    const { batch, copy } = persistence.commits[1]
    expect(batch.puts).toEqual([])
    expect(copy).toEqual([
      { sandbox: 'prod', collection: 'notes', id: 'a', doc: ['a', 'first'] },
      { sandbox: 'prod', collection: 'notes', id: 'b', doc: ['b', 'final'] },
    ])
  })

  it('encodes a final document only when persistence copies it', async () => {
    const batches: CommitBatch[] = []
    const db = open(
      {
        load: () => Promise.resolve([]),
        commit: (batch) => {
          batches.push(batch)
          return Promise.resolve()
        },
        close: () => undefined,
      },
      { notes: noteRows },
    )
    ;(await db.sandbox('prod')).collection('notes').put({ id: 'b', text: 'final' })
    const encode = vi.spyOn(noteRows, 'encode')
    await db.flush()
    expect(encode).not.toHaveBeenCalled()
    expect(batches.at(-1)?.snapshots.map(({ value }) => value())).toEqual([['b', 'final']])
    expect(encode).toHaveBeenCalledTimes(1)
    encode.mockRestore()
  })

  it('decodes a coded collection when it loads', async () => {
    const persistence = new MemoryPersistence()
    const first = open(persistence, { notes: noteRows })
    ;(await first.sandbox('prod')).collection('notes').put({ id: 'a', text: 'kept' })
    await first.flush()
    const [stored] = (await persistence.load('prod')).filter((d) => d.collection === 'notes')
    expect(stored.doc).toEqual(['a', 'kept'])
    const second = open(persistence, { notes: noteRows })
    expect((await second.sandbox('prod')).collection('notes').get('a')).toEqual({
      id: 'a',
      text: 'kept',
    })
  })

  it('stores replaced documents as they are', () => {
    const codec = replacedDocs<Note>()
    const note = { id: 'a', text: 'as is' }
    expect(codec.encode(note)).toBe(note)
    expect(codec.decode(note)).toBe(note)
  })
})

describe('Collection', () => {
  it('has a version that grows with every change', async () => {
    const db = open(new MemoryPersistence())
    const notes = (await db.sandbox('prod')).collection('notes')
    const versions = [notes.version]
    notes.put({ id: 'a', text: 'a' })
    versions.push(notes.version)
    notes.delete('missing')
    versions.push(notes.version)
    notes.delete('a')
    versions.push(notes.version)
    notes.hydrate({ id: 'b', text: 'b' })
    versions.push(notes.version)
    notes.clearMemory()
    versions.push(notes.version)
    expect(versions).toEqual([0, 1, 1, 2, 3, 4])
  })
})
