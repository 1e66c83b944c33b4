import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { IdbPersistence } from './idb-persistence'
import type { Persistence, Snapshot } from './persistence'
import { servePersistence, WorkerPersistence } from './worker-persistence'

const snapshot = (id: string, doc: unknown): Snapshot => ({
  sandbox: 'prod',
  collection: 'notes',
  id,
  value: () => doc,
})

const put = (id: string) => ({ sandbox: 'prod', collection: 'notes', id, doc: { id } })

/** The page's and the worker's ends of a channel, the worker serving `opening`. */
function connect(opening: Promise<Persistence>): Promise<WorkerPersistence> {
  const { port1, port2 } = new MessageChannel()
  servePersistence(port2, opening)
  return WorkerPersistence.start(port1)
}

describe('persistence in a worker', () => {
  it('commits puts and snapshots in one transaction and loads them back', async () => {
    const persistence = await connect(IdbPersistence.open('worker-round-trip'))
    const snapshots = Array.from({ length: 500 }, (_, i) =>
      snapshot(`n${i}`, { id: `n${i}`, text: 'x'.repeat(100) }),
    )
    await persistence.commit({
      clears: [],
      deletes: [],
      puts: [{ sandbox: 'prod', collection: 'meta', id: 'm', doc: { id: 'm' } }],
      snapshots,
    })
    expect(snapshots).toEqual([])
    await persistence.commit({
      clears: [],
      deletes: [{ sandbox: 'prod', collection: 'notes', id: 'n0' }],
      puts: [],
      snapshots: [],
    })
    const stored = await persistence.load('prod')
    expect(stored).toHaveLength(500)
    expect(stored.find((d) => d.id === 'n499')?.doc).toEqual({ id: 'n499', text: 'x'.repeat(100) })
    expect(stored.some((d) => d.id === 'n0')).toBe(false)
    expect(await persistence.load('dev')).toEqual([])
    persistence.close()
  })

  it('copies the plain puts when the commit starts, so later changes are not in it', async () => {
    const persistence = await connect(IdbPersistence.open('worker-copy'))
    const doc = { id: 'a', text: 'committed' }
    const committing = persistence.commit({
      clears: [],
      deletes: [],
      puts: [{ sandbox: 'prod', collection: 'notes', id: 'a', doc }],
      snapshots: [],
    })
    doc.text = 'changed afterwards'
    await committing
    expect((await persistence.load('prod'))[0].doc).toEqual({ id: 'a', text: 'committed' })
    persistence.close()
  })

  it('stores nothing of a commit that cannot be copied, and goes on with the next', async () => {
    const persistence = await connect(IdbPersistence.open('worker-failed'))
    const failing = persistence.commit({
      clears: [],
      deletes: [],
      puts: [{ sandbox: 'prod', collection: 'notes', id: 'a', doc: { text: 'first' } }],
      snapshots: [snapshot('b', { text: 'second' }), snapshot('c', { cannot: () => 'be cloned' })],
    })
    await expect(failing).rejects.toThrow(/clone/i)
    await persistence.commit({
      clears: [],
      deletes: [],
      puts: [{ sandbox: 'prod', collection: 'notes', id: 'd', doc: { text: 'later' } }],
      snapshots: [],
    })
    expect((await persistence.load('prod')).map((d) => d.id)).toEqual(['d'])
    persistence.close()
  })

  it('clears a sandbox before writing the rest of the commit', async () => {
    const persistence = await connect(IdbPersistence.open('worker-clear'))
    await persistence.commit({ clears: [], deletes: [], puts: [put('old')], snapshots: [] })
    await persistence.commit({ clears: ['prod'], deletes: [], puts: [put('new')], snapshots: [] })
    expect((await persistence.load('prod')).map((d) => d.id)).toEqual(['new'])
    persistence.close()
  })

  it('fails to start when the worker cannot open its storage', async () => {
    await expect(connect(Promise.reject(new Error('IndexedDB is blocked')))).rejects.toThrow(
      'IndexedDB is blocked',
    )
  })

  it('answers a load from storage that failed with its error', async () => {
    const broken: Persistence = {
      load: () => Promise.reject(new Error('disk gone')),
      commit: () => Promise.reject(new Error('disk gone')),
      close: () => undefined,
    }
    const persistence = await connect(Promise.resolve(broken))
    await expect(persistence.load('prod')).rejects.toThrow('disk gone')
    await expect(
      persistence.commit({ clears: [], deletes: [], puts: [], snapshots: [] }),
    ).rejects.toThrow('disk gone')
    persistence.close()
  })
})
