import { describe, expect, it } from 'vitest'
import { Database } from './database'
import { MemoryPersistence } from './persistence'
import { segmentCodec, SegmentedLog, type SegmentDoc } from './segmented-log'

type Entry = { seq: number; done: boolean }
type Docs = { meta: { id: string }; segments: SegmentDoc<Entry> }

/** Entries stored as rows, as the engine's logs are. */
const entryRows = segmentCodec<Entry, [number, boolean]>(
  {
    encode: (entry) => [entry.seq, entry.done],
    decode: ([seq, done]) => ({ seq, done }),
    isFinal: (entry) => entry.done,
  },
  4,
)

async function openLog(persistence = new MemoryPersistence(), retain = 10, rows = false) {
  const db = new Database<Docs>({
    persistence,
    seed: (sandbox) => void sandbox.collection('meta').put({ id: 'seed' }),
    isSeeded: (sandbox) => sandbox.collection('meta').has('seed'),
    codecs: rows ? { segments: entryRows } : {},
  })
  const sandbox = await db.sandbox('prod')
  const segments = sandbox.collection('segments')
  const loaded = SegmentedLog.loadAll(segments).get('flow') ?? []
  const log = new SegmentedLog<Entry>(
    segments,
    'flow',
    { segmentSize: 4, retain, evictable: (entry) => entry.done },
    loaded,
  )
  return { db, log, segments }
}

const append = (log: SegmentedLog<Entry>, count: number, done = true) => {
  for (let i = 0; i < count; i++) log.append({ seq: log.nextSeq, done })
}

describe('SegmentedLog', () => {
  it('appends numbered entries into segments and finds them by number', async () => {
    const { log, segments } = await openLog()
    append(log, 6)
    expect(log.total).toBe(6)
    expect(log.get(5)).toEqual({ seq: 5, done: true })
    expect(log.get(7)).toBeUndefined()
    expect(segments.size).toBe(2)
    expect([...log.newestFirst(4)].map((e) => e.seq)).toEqual([3, 2, 1])
    expect(() => log.append({ seq: 9, done: true })).toThrow('entry 9 appended after 6')
  })

  it('drops the oldest full segment once the newer ones hold what it keeps', async () => {
    const { log, segments } = await openLog()
    append(log, 17)
    expect(log.size).toBe(13)
    expect(log.get(4)).toBeUndefined()
    expect(log.get(5)?.seq).toBe(5)
    expect(segments.size).toBe(4)
  })

  it('tells which entries it drops, evicted or all at once', async () => {
    const { segments } = await openLog()
    const dropped: number[][] = []
    const log = new SegmentedLog<Entry>(segments, 'told', {
      segmentSize: 4,
      retain: 8,
      onDrop: (entries) => dropped.push(entries.map((entry) => entry.seq)),
    })
    append(log, 13)
    expect(dropped).toEqual([[1, 2, 3, 4]])
    log.drop()
    expect(dropped).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13]])
  })

  it('keeps a segment while one of its entries may not be dropped', async () => {
    const { log } = await openLog()
    append(log, 1, false)
    append(log, 20)
    expect(log.get(1)?.done).toBe(false)
    log.get(1)!.done = true
    log.touch(1)
    append(log, 1)
    expect(log.get(1)).toBeUndefined()
  })

  it('comes back the same from persistence', async () => {
    const persistence = new MemoryPersistence()
    const first = await openLog(persistence)
    append(first.log, 6)
    first.log.get(2)!.done = false
    first.log.touch(2)
    await first.db.flush()
    const second = await openLog(persistence)
    expect(second.log.total).toBe(6)
    expect(second.log.get(2)?.done).toBe(false)
    second.log.append({ seq: 7, done: true })
    second.log.drop()
    expect(second.segments.size).toBe(0)
  })

  it('comes back the same when its segments are stored as rows', async () => {
    const persistence = new MemoryPersistence()
    const first = await openLog(persistence, 10, true)
    append(first.log, 6)
    first.log.get(5)!.done = false
    first.log.touch(5)
    await first.db.flush()
    const stored = (await persistence.load('prod')).find((d) => d.id === 'flow#1')
    expect(stored?.doc).toEqual({
      id: 'flow#1',
      log: 'flow',
      no: 1,
      rows: [
        [5, false],
        [6, true],
      ],
    })
    const second = await openLog(persistence, 10, true)
    expect([...second.log.all()]).toEqual([...first.log.all()])
  })
})

/** A segment of entries with these `done` flags. */
const segment = (done: readonly boolean[]): SegmentDoc<Entry> => ({
  id: 'f#0',
  log: 'f',
  no: 0,
  entries: done.map((entryDone, index) => ({ seq: index + 1, done: entryDone })),
})

describe('segmentCodec', () => {
  it('snapshots the entries as rows, and reads segments stored with objects as they are', () => {
    const one = segment([true])
    const stored = entryRows.encode(one)
    one.entries[0].done = false
    expect(entryRows.decode(stored)).toEqual(segment([true]))
    expect(entryRows.decode(structuredClone(one))).toEqual(one)
  })

  it('sees a full segment whose entries are all final as final', () => {
    expect(entryRows.isFinal(segment([true, true, true, true]))).toBe(true)
    expect(entryRows.isFinal(segment([true, true, true]))).toBe(false)
    expect(entryRows.isFinal(segment([true, false, true, true]))).toBe(false)
  })
})
