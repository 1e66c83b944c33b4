import { describe, expect, it } from 'vitest'
import type { AttemptDoc, ExportDoc, ReceiverEntryDoc, StreamRecordDoc } from './docs'
import { exportRows, receiverRows, streamRows } from './doc-rows'

const request = {
  method: 'POST',
  url: 'https://bench.example/hook',
  headers: [{ name: 'Content-Type', value: 'application/json' }],
}
const response = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }

const attempt = (number: number, overrides: Partial<AttemptDoc> = {}): AttemptDoc => ({
  number,
  startedAt: 1_795_667_934_768 + number,
  durationMs: 12,
  request,
  response,
  error: null,
  tokenExchange: null,
  action: 'done',
  retryInMs: null,
  reason: 'The endpoint accepted it (HTTP 200)',
  receipt: number,
  ...overrides,
})

const record = (attempts: AttemptDoc[]): ExportDoc => ({
  seq: 7,
  rev: 21,
  profileId: 'profile-1',
  reasons: [{ trigger: 'attribute', path: 'person.name.firstName' }],
  audienceIds: ['audience-1'],
  payload: '{"person":{"name":{"firstName":"John"}}}',
  createdAt: 1_795_667_934_756,
  updatedAt: 1_795_667_934_769,
  state: 'delivered',
  statusCode: 200,
  nextAttemptAt: null,
  failureReason: null,
  failureCode: null,
  tokenRefreshed: false,
  attempts,
  stream: null,
})

describe('exportRows', () => {
  it('stores a record as one flat row and reads it back the same', () => {
    for (const attempts of [
      [],
      [attempt(1)],
      [
        attempt(1, { response: null, error: 'timeout', action: 'retry', retryInMs: 1000 }),
        attempt(2, {
          tokenExchange: {
            cause: 'unauthorized',
            request: { ...request, body: 'grant_type=client_credentials' },
            response: null,
            error: 'The token server did not answer within 10 s.',
            durationMs: 10_000,
          },
          action: 'refresh-token',
        }),
        attempt(3),
      ],
    ]) {
      const doc = record(attempts)
      const row = exportRows.encode(doc)
      expect(row.filter((value) => Array.isArray(value) && value !== doc.reasons)).toEqual([
        doc.audienceIds,
      ])
      expect(exportRows.decode(row)).toStrictEqual(doc)
    }
  })

  it('keeps shared objects shared and the stream placement', () => {
    const doc = {
      ...record([attempt(1, { request: null })]),
      stream: {
        kind: 'kinesis' as const,
        name: 'orders',
        partitionKey: 'profile-1',
        shardId: 'shardId-000000000001',
        sequenceNumber: '4901',
      },
    }
    const decoded = exportRows.decode(exportRows.encode(doc))
    expect(decoded).toStrictEqual(doc)
    expect(decoded.reasons).toBe(doc.reasons)
    expect(decoded.attempts[0].response).toBe(response)
  })
})

const received: ReceiverEntryDoc = {
  seq: 3,
  at: 1_795_667_934_769,
  method: 'POST',
  url: 'https://bench.example/hook',
  headers: { 'content-type': 'application/json' },
  body: '{}',
  status: 200,
  answeredAfterMs: 0,
  bodyOf: null,
}

describe('receiverRows and streamRows', () => {
  it('store a body that is an export payload as a reference to its record', () => {
    const entry = {
      ...received,
      body: '{"identityMap":{}}',
      bodyOf: { flowId: 'flow-1', seq: 41 },
    }
    const row = receiverRows.encode(entry)
    expect(row).not.toContain(entry.body)
    expect(receiverRows.decode(row)).toStrictEqual({ ...entry, body: '' })
  })

  it('store an entry as a row and read it back the same', () => {
    expect(receiverRows.decode(receiverRows.encode(received))).toStrictEqual(received)
    const streamed: StreamRecordDoc = {
      seq: 4,
      at: 1_795_667_934_769,
      kind: 'event-hubs',
      name: 'hub',
      partitionKey: 'profile-1',
      shardId: '2',
      sequenceNumber: '0',
      data: '{}',
    }
    expect(streamRows.decode(streamRows.encode(streamed))).toStrictEqual(streamed)
  })
})
