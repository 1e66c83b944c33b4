import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { SPEC_IDS } from '../../contracts/connection-spec'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import {
  exportListSchema,
  exportRecordSchema,
  type ExportList,
} from '../../contracts/engine/exports'
import {
  accessEntitiesSchema,
  profileListSchema,
  profileUpdateResultSchema,
  type ProfileList,
} from '../../contracts/engine/profiles'
import {
  receiverRequestsSchema,
  receiverScenarioStatusSchema,
} from '../../contracts/engine/receiver'
import { runListSchema } from '../../contracts/engine/runs'
import {
  segmentDefinitionDeletedSchema,
  segmentDefinitionListSchema,
  segmentDefinitionSchema,
} from '../../contracts/engine/segment-definitions'
import { streamRecordsSchema } from '../../contracts/engine/streams'
import { trafficJobListSchema, trafficJobSchema } from '../../contracts/engine/traffic'
import { flowSchema, listSchema } from '../../contracts/flow-service'
import { problemSchema } from '../../contracts/problem'
import { call, FS, startTestBackend } from '../testing/api'
import { activateDataflow, HTTP_AUTH } from '../testing/engine'

const env = startTestBackend()

/** Checks a body against its contract, reporting every mismatch. */
const conforms = (schema: z.ZodType, body: unknown) =>
  expect(schema.safeParse(body).error?.issues ?? []).toEqual([])

/** Every engine endpoint answers what its contract in contracts/engine says. */
describe('the engine API matches its contracts', () => {
  it('profiles, audiences, traffic', async () => {
    const list = await call<ProfileList>('GET', '/data/core/ups/profiles?limit=3')
    expect(list.status).toBe(200)
    conforms(profileListSchema, list.body)
    const [first] = list.body.profiles
    const update = await call('PATCH', `/data/core/ups/profiles/${first.id}`, {
      body: [{ op: 'add', path: '/attributes/favoriteGenre', value: 'drama' }],
    })
    conforms(profileUpdateResultSchema, update.body)
    const ecid = first.primaryIdentity!.id
    conforms(
      accessEntitiesSchema,
      (await call('GET', `/data/core/ups/access/entities?entityId=${ecid}&entityIdNS=ecid`)).body,
    )
    conforms(
      segmentDefinitionListSchema,
      (await call('GET', '/data/core/ups/segment/definitions')).body,
    )
    const created = await call<{ id: string }>('POST', '/data/core/ups/segment/definitions', {
      body: { name: 'Fans', expression: { value: 'exists favoriteGenre' } },
    })
    conforms(segmentDefinitionSchema, created.body)
    const definition = `/data/core/ups/segment/definitions/${created.body.id}`
    conforms(
      segmentDefinitionSchema,
      (
        await call('PATCH', definition, {
          body: { name: 'Genre fans', expression: { value: 'exists favoriteGenre' } },
        })
      ).body,
    )
    conforms(segmentDefinitionDeletedSchema, (await call('DELETE', definition)).body)
    conforms(
      problemSchema,
      (
        await call('POST', '/data/core/ups/segment/definitions', {
          body: { name: 'Broken', expression: { value: 'a =' } },
        })
      ).body,
    )
    const job = await call('POST', '/data/core/ups/profiles/traffic', {
      body: { updatesPerSecond: 5, durationSeconds: 1 },
    })
    conforms(trafficJobSchema, job.body)
    env.clock.advance(1000)
    conforms(trafficJobListSchema, (await call('GET', '/data/core/ups/profiles/traffic')).body)
  })

  it('exports, receiver, streams, runs, flows', async () => {
    const { flowId } = await activateDataflow({
      auth: HTTP_AUTH.basic,
      params: { httpEndpoint: DEMO_CREDENTIALS.endpoint, includeSegmentTimestamps: true },
    })
    await env.backend.engine.whenIdle()
    const list = await call<ExportList>('GET', `${FS}/flows/${flowId}/exports?limit=2`)
    conforms(exportListSchema, list.body)
    expect(list.body.items.length).toBeGreaterThan(0)
    conforms(
      exportRecordSchema,
      (await call('GET', `${FS}/flows/${flowId}/exports/${list.body.items[0].id}`)).body,
    )
    conforms(
      receiverScenarioStatusSchema,
      (
        await call('PUT', '/demo/receiver/scenario?endpoint=hooks.example/profiles', {
          body: { kind: 'rate-limit' },
        })
      ).body,
    )
    conforms(
      receiverRequestsSchema,
      (await call('GET', '/demo/receiver/requests?endpoint=auth.example/oauth/token')).body,
    )
    conforms(
      runListSchema,
      (await call('GET', `${FS}/runs?property=${encodeURIComponent(`flowId==${flowId}`)}`)).body,
    )
    conforms(listSchema(flowSchema), (await call('GET', `${FS}/flows`)).body)

    const kinesis = await activateDataflow({
      specId: SPEC_IDS.kinesis,
      auth: {
        specName: 'Aws Kinesis authentication credentials',
        params: { ...DEMO_CREDENTIALS.aws, region: 'us-east-1' },
      },
      params: { stream: 'events' },
    })
    await env.backend.engine.whenIdle()
    const streamList = await call<ExportList>('GET', `${FS}/flows/${kinesis.flowId}/exports`)
    conforms(
      exportRecordSchema,
      (await call('GET', `${FS}/flows/${kinesis.flowId}/exports/${streamList.body.items[0].id}`))
        .body,
    )
    conforms(streamRecordsSchema, (await call('GET', '/demo/streams/kinesis/events/records')).body)
  })
})
