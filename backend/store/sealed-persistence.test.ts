import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import type { Profile } from '../../contracts/profile'
import { createNodeBackend } from '../node'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { connectionSecrets } from '../services/specs'
import {
  activateDataflow,
  exportRecord,
  isRealizedIn,
  profilesWhere,
  updateProfile,
} from '../testing/engine'
import { IdbPersistence } from './idb-persistence'
import { SealedPersistence } from './sealed-persistence'

type Env = ReturnType<typeof createNodeBackend>

const DB = 'sealed-secrets'
const TOKEN = DEMO_CREDENTIALS.bearerToken
let running: Env | null = null

async function start(): Promise<Env> {
  const persistence = new SealedPersistence(await IdbPersistence.open(DB), connectionSecrets)
  const env = createNodeBackend({ persistence, seed: { profileCount: 200 } })
  env.server.listen({ onUnhandledRequest: 'error' })
  running = env
  return env
}

function stop(env: Env): void {
  env.server.close()
  env.backend.close()
  running = null
}

afterEach(() => {
  if (running) stop(running)
})

describe('secrets at rest', () => {
  it('stores a bearer token encrypted, and delivers with it after a reload', async () => {
    const first = await start()
    const { flowId, accountId } = await activateDataflow({
      audiences: [SEED_AUDIENCE_IDS.firstNameJohn],
    })
    await first.backend.db.flush()
    stop(first)

    const raw = await openDB(DB)
    const stored: unknown = await raw.get('docs', ['prod', 'connections', accountId])
    raw.close()
    expect(JSON.stringify(stored)).toContain('Bearer token')
    expect(JSON.stringify(stored)).not.toContain(TOKEN)
    expect(stored).toMatchObject({
      doc: { auth: { params: { token: { ciphertext: expect.any(ArrayBuffer) } } } },
    })

    const second = await start()
    const prod = await second.backend.db.sandbox('prod')
    expect(prod.collection('connections').get(accountId)?.auth?.params.token).toBe(TOKEN)
    const [john] = await profilesWhere(second.backend.db, (p: Profile) =>
      isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
    )
    const result = await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Sealed' },
    ])
    const decision = result.evaluation.exports[0]
    if (decision.decision !== 'export') throw new Error('expected an export')
    await second.backend.engine.whenIdle()
    expect(await exportRecord(flowId, decision.exportId)).toMatchObject({ state: 'delivered' })
  })
})
