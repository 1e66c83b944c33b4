import { describe, expect, it } from 'vitest'
import { SPEC_IDS } from '../../contracts/connection-spec'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import type { Profile } from '../../contracts/profile'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS, startTestBackend } from '../testing/api'
import {
  activateDataflow,
  HTTP_AUTH,
  isRealizedIn,
  listExports,
  profilesWhere,
  updateProfile,
  type DataflowOptions,
} from '../testing/engine'

const env = startTestBackend()

const demo = DEMO_CREDENTIALS.oauth

/** An account of every auth type, with a target where the engine delivers to it. */
const ACCOUNTS: (DataflowOptions & { secrets: string[] })[] = [
  { auth: HTTP_AUTH.bearer, secrets: [DEMO_CREDENTIALS.bearerToken] },
  { auth: HTTP_AUTH.password, secrets: [demo.clientSecret, demo.password] },
  { auth: HTTP_AUTH.bodyForm, secrets: [demo.clientSecret] },
  {
    specId: SPEC_IDS.kinesis,
    auth: {
      specName: 'Aws Kinesis authentication credentials',
      params: { ...DEMO_CREDENTIALS.aws, region: 'eu-west-1' },
    },
    params: { stream: 'profile-events' },
    secrets: [DEMO_CREDENTIALS.aws.secretKey],
  },
  {
    specId: SPEC_IDS.eventHubs,
    auth: {
      specName: 'Azure EventHub authentication credentials',
      params: { ...DEMO_CREDENTIALS.eventHubs, namespace: 'acme-demo' },
    },
    params: { eventHubName: 'profiles' },
    secrets: [DEMO_CREDENTIALS.eventHubs.sasKey],
  },
]

/** File destinations: accounts only, the engine does not export files. */
const FILE_ACCOUNTS = [
  {
    specId: SPEC_IDS.s3,
    auth: {
      specName: 'Access Key',
      params: { s3AccessKey: 'AKIAS3', s3SecretKey: 's3-secret-key-1' },
    },
    secrets: ['s3-secret-key-1'],
  },
  {
    specId: SPEC_IDS.sftp,
    auth: {
      specName: 'Basic authentication for SFTP',
      params: { domain: 'sftp.acme.example', username: 'acme', password: 'sftp-password-1' },
    },
    secrets: ['sftp-password-1'],
  },
]

const get = async (path: string) => {
  const res = await call('GET', path)
  expect(res.status).toBe(200)
  return JSON.stringify(res.body)
}

describe('account secrets', () => {
  it('are never returned by a GET (but the explicit cURL with secrets=true), an export record or the receiver log', async () => {
    const flows: string[] = []
    const targets: string[] = []
    const accountIds: string[] = []
    for (const { specId, auth, params } of ACCOUNTS) {
      const { flowId, accountId, targetId } = await activateDataflow({
        specId,
        auth,
        params,
        audiences: [SEED_AUDIENCE_IDS.firstNameJohn],
      })
      flows.push(flowId)
      targets.push(targetId)
      accountIds.push(accountId)
    }
    for (const { specId, auth } of FILE_ACCOUNTS) {
      const res = await call<{ id: string }>('POST', `${FS}/connections`, {
        body: { name: 'File account', connectionSpec: { id: specId, version: '1.0' }, auth },
      })
      expect(res.status).toBe(201)
      accountIds.push(res.body.id)
    }
    const [john] = await profilesWhere(env.backend.db, (p: Profile) =>
      isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
    )
    await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Secretless' },
    ])
    await env.backend.engine.whenIdle()

    const pages = [
      await get(`${FS}/connections`),
      await get(`${FS}/targetConnections`),
      await get(`${FS}/flows`),
      ...(await Promise.all(accountIds.map((id) => get(`${FS}/connections/${id}`)))),
      ...(await Promise.all(targets.map((id) => get(`${FS}/targetConnections/${id}`)))),
      ...(await Promise.all(flows.map((id) => get(`${FS}/flows/${id}`)))),
      await get(`/demo/receiver/requests?endpoint=hooks.example/profiles&limit=1000`),
      await get(`/demo/receiver/requests?endpoint=${demo.accessTokenUrl}&limit=1000`),
    ]
    for (const flowId of flows) {
      const exports = await listExports(flowId)
      expect(exports.counters.delivered).toBeGreaterThan(0)
      pages.push(JSON.stringify(exports))
      for (const { id, destination } of exports.items) {
        pages.push(await get(`${FS}/flows/${flowId}/exports/${id}`))
        if (destination === 'http')
          pages.push(await get(`${FS}/flows/${flowId}/exports/${id}/curl`))
      }
    }
    const secrets = [...ACCOUNTS, ...FILE_ACCOUNTS].flatMap((account) => account.secrets)
    for (const page of pages) {
      for (const secret of secrets) expect(page).not.toContain(secret)
    }
  })
})
