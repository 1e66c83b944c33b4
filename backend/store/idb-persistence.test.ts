import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../backend'
import { ManualClock } from '../lib/clock'
import { SPEC_IDS } from '../../contracts/connection-spec'
import { Database } from './database'
import { IdbPersistence } from './idb-persistence'
import type { Snapshot } from './persistence'

type Docs = { notes: { id: string; text: string } }

const note = (id: string, doc: unknown): Snapshot => ({
  sandbox: 'prod',
  collection: 'notes',
  id,
  value: () => doc,
})

const openDb = async (name: string) =>
  new Database<Docs>({
    persistence: await IdbPersistence.open(name),
    seed: (sandbox) => void sandbox.collection('notes').put({ id: 'seeded', text: 'seed' }),
    isSeeded: (sandbox) => sandbox.collection('notes').has('seeded'),
  })

describe('IndexedDB persistence', () => {
  it('keeps writes across a close and reopen, per sandbox', async () => {
    const first = await openDb('reopen-test')
    const prod = await first.sandbox('prod')
    prod.collection('notes').put({ id: 'a', text: 'kept' })
    prod.collection('notes').put({ id: 'b', text: 'deleted later' })
    prod.collection('notes').delete('b')
    ;(await first.sandbox('dev')).collection('notes').put({ id: 'c', text: 'dev only' })
    await first.flush()
    first.close()

    const second = await openDb('reopen-test')
    const notes = (await second.sandbox('prod')).collection('notes')
    expect(notes.get('a')?.text).toBe('kept')
    expect(notes.has('b')).toBe(false)
    expect(notes.has('seeded')).toBe(true)
    expect(notes.has('c')).toBe(false)
    expect((await second.sandbox('dev')).collection('notes').get('c')?.text).toBe('dev only')
    second.close()
  })

  it('reset clears one sandbox in storage and seeds it again', async () => {
    const first = await openDb('reset-test')
    ;(await first.sandbox('prod')).collection('notes').put({ id: 'x', text: 'user data' })
    ;(await first.sandbox('dev')).collection('notes').put({ id: 'y', text: 'dev data' })
    await first.reset('prod')
    first.close()

    const second = await openDb('reset-test')
    const prod = (await second.sandbox('prod')).collection('notes')
    expect(prod.has('x')).toBe(false)
    expect(prod.has('seeded')).toBe(true)
    expect((await second.sandbox('dev')).collection('notes').has('y')).toBe(true)
    second.close()
  })

  it('persists what the API creates: a connection survives a backend restart', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 26))
    const persistence = await IdbPersistence.open('backend-restart')
    const backend = createBackend({ persistence, clock, seed: { profileCount: 50 } })
    const sandbox = await backend.db.sandbox('prod')
    const connections = sandbox.collection('connections')
    const profileCount = sandbox.collection('profiles').size
    const { createConnection } = await import('../services/connections')
    const { id } = createConnection(
      { sandbox, clock, events: backend.events },
      {
        name: 'Survives',
        connectionSpec: { id: SPEC_IDS.httpApi },
        auth: { specName: 'None', params: {} },
      },
    )
    expect(connections.has(id)).toBe(true)
    await backend.db.flush()
    backend.close()

    const reopened = createBackend({
      persistence: await IdbPersistence.open('backend-restart'),
      clock,
      seed: { profileCount: 50 },
    })
    const again = await reopened.db.sandbox('prod')
    expect(again.collection('connections').get(id)?.name).toBe('Survives')
    expect(again.collection('profiles').size).toBe(profileCount)
    reopened.close()
  })

  it('puts a large commit in one transaction', async () => {
    const persistence = await IdbPersistence.open('large-commit')
    const text = 'x'.repeat(2000)
    const snapshots = Array.from({ length: 3000 }, (_, i) => note(`n${i}`, { id: `n${i}`, text }))
    await persistence.commit({
      clears: [],
      deletes: [],
      puts: [{ sandbox: 'prod', collection: 'meta', id: 'm', doc: { id: 'm' } }],
      snapshots,
    })
    const stored = await persistence.load('prod')
    expect(stored).toHaveLength(3001)
    expect(stored.find((d) => d.id === 'n2999')?.doc).toEqual({ id: 'n2999', text })
    persistence.close()
  })

  it('stores nothing of a commit that fails', async () => {
    const persistence = await IdbPersistence.open('failed-commit')
    const commit = persistence.commit({
      clears: [],
      deletes: [],
      puts: [{ sandbox: 'prod', collection: 'notes', id: 'a', doc: { text: 'first' } }],
      snapshots: [note('b', { text: 'second' }), note('c', { cannot: () => 'be cloned' })],
    })
    await expect(commit).rejects.toThrow(/clone/i)
    expect(await persistence.load('prod')).toEqual([])
    persistence.close()
  })
})
