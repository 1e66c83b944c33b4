import { describe, expect, it } from 'vitest'
import { FLOW_SPEC_IDS, SPEC_IDS } from '../../../contracts/connection-spec'
import {
  saveDestination,
  SaveDestinationError,
  type DestinationToSave,
  type SaveOperations,
} from './save-destination'

type Call = [string, unknown]

/** Operations that record their calls and fail at the named one. */
function recorder(failAt?: keyof SaveOperations, failDeleteOf?: keyof SaveOperations) {
  const calls: Call[] = []
  let next = 0
  const step =
    <T>(name: keyof SaveOperations, answer: () => T) =>
    async (arg?: unknown): Promise<T> => {
      calls.push([name, arg])
      if (name === failAt) throw new Error(`${name} failed: the API said no.`)
      if (name === failDeleteOf) throw new Error('the backend is unreachable')
      return answer()
    }
  const created = () => ({ id: `id-${++next}`, etag: '"1"' })
  const ops: SaveOperations = {
    createConnection: step('createConnection', created),
    deleteConnection: step('deleteConnection', () => null),
    ensureProfileStoreSource: step('ensureProfileStoreSource', () => 'source-1'),
    createTargetConnection: step('createTargetConnection', created),
    deleteTargetConnection: step('deleteTargetConnection', () => null),
    createFlow: step('createFlow', created),
  }
  return { ops, calls, names: () => calls.map(([name]) => name) }
}

const spec = { id: SPEC_IDS.httpApi, version: '1.0' }

const newAccount: DestinationToSave = {
  spec,
  account: {
    name: 'Acme account',
    description: '',
    auth: { specName: 'Bearer token', params: { token: 'secret' } },
  },
  details: {
    name: 'Acme webhook',
    description: 'Profiles for Acme',
    params: { httpEndpoint: 'https://hooks.example/acme', headers: '', queryParameters: '' },
  },
  marketingActions: ['exportToThirdParty'],
  alerts: ['activation-skipped-rate-exceeded'],
}

describe('saveDestination', () => {
  it('creates the account, the source, the target connection and the dataflow in order', async () => {
    const { ops, calls, names } = recorder()
    const saved = await saveDestination(ops, newAccount)
    expect(names()).toEqual([
      'createConnection',
      'ensureProfileStoreSource',
      'createTargetConnection',
      'createFlow',
    ])
    expect(calls[0]?.[1]).toEqual({
      name: 'Acme account',
      description: '',
      connectionSpec: spec,
      auth: { specName: 'Bearer token', params: { token: 'secret' } },
    })
    expect(calls[2]?.[1]).toEqual({
      name: 'Acme webhook',
      description: 'Profiles for Acme',
      baseConnectionId: 'id-1',
      connectionSpec: spec,
      data: { format: 'json' },
      params: newAccount.details.params,
    })
    expect(calls[3]?.[1]).toEqual({
      name: 'Acme webhook',
      description: 'Profiles for Acme',
      flowSpec: { id: FLOW_SPEC_IDS.profileDestinations, version: '1.0' },
      sourceConnectionIds: ['source-1'],
      targetConnectionIds: ['id-2'],
      transformations: [
        {
          name: 'GeneralTransform',
          params: { profileSelectors: { selectors: [] }, segmentSelectors: { selectors: [] } },
        },
      ],
      marketingActions: ['exportToThirdParty'],
      alerts: ['activation-skipped-rate-exceeded'],
    })
    expect(saved).toEqual({ accountId: 'id-1', targetConnectionId: 'id-2', flowId: 'id-3' })
  })

  it('uses an existing account without creating one', async () => {
    const { ops, calls, names } = recorder()
    const saved = await saveDestination(ops, { ...newAccount, account: { existingId: 'acc-9' } })
    expect(names()).toEqual(['ensureProfileStoreSource', 'createTargetConnection', 'createFlow'])
    expect(calls[1]?.[1]).toMatchObject({ baseConnectionId: 'acc-9' })
    expect(saved.accountId).toBe('acc-9')
  })

  it('deletes the target connection and the new account when the dataflow fails', async () => {
    const { ops, calls, names } = recorder('createFlow')
    const error = await saveDestination(ops, newAccount).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SaveDestinationError)
    expect(error).toMatchObject({ stage: 'flow', message: 'createFlow failed: the API said no.' })
    expect(names().slice(4)).toEqual(['deleteTargetConnection', 'deleteConnection'])
    expect(calls.slice(4).map(([, id]) => id)).toEqual(['id-2', 'id-1'])
  })

  it('deletes the new account when the target connection fails', async () => {
    const { ops, calls, names } = recorder('createTargetConnection')
    await expect(saveDestination(ops, newAccount)).rejects.toMatchObject({ stage: 'target' })
    expect(names().slice(3)).toEqual(['deleteConnection'])
    expect(calls[3]?.[1]).toBe('id-1')
  })

  it('deletes the new account when the Profile Store source fails', async () => {
    const { ops, names } = recorder('ensureProfileStoreSource')
    await expect(saveDestination(ops, newAccount)).rejects.toMatchObject({ stage: 'source' })
    expect(names()).toEqual(['createConnection', 'ensureProfileStoreSource', 'deleteConnection'])
  })

  it('deletes nothing when the account itself fails', async () => {
    const { ops, names } = recorder('createConnection')
    await expect(saveDestination(ops, newAccount)).rejects.toMatchObject({
      stage: 'account',
      message: 'createConnection failed: the API said no.',
    })
    expect(names()).toEqual(['createConnection'])
  })

  it('never deletes an existing account', async () => {
    const { ops, names } = recorder('createFlow')
    await expect(
      saveDestination(ops, { ...newAccount, account: { existingId: 'acc-9' } }),
    ).rejects.toMatchObject({ stage: 'flow' })
    expect(names()).not.toContain('deleteConnection')
  })

  it('says what it could not clean up', async () => {
    const { ops } = recorder('createFlow', 'deleteConnection')
    await expect(saveDestination(ops, newAccount)).rejects.toMatchObject({
      message:
        'createFlow failed: the API said no. Cleaning up failed too: delete the new account (the backend is unreachable) yourself.',
    })
  })
})
