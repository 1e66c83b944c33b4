import { describe, expect, it } from 'vitest'
import type { ExportList, ExportSummary } from '../../../contracts/engine/exports'
import { feedRows, mergeBatch } from './export-feed'

const counters = { delivered: 0, retrying: 0, failed: 0, pending: 0, excluded: 0 }
const row = (
  seq: number,
  rev: number,
  state: ExportSummary['state'] = 'pending',
): ExportSummary => ({
  id: `e${seq}`,
  seq,
  rev,
  flowId: 'f',
  profileId: `p${seq}`,
  identity: `ecid:${seq}`,
  destination: 'http',
  createdAt: seq,
  updatedAt: rev,
  trigger: 'attribute',
  audienceIds: [],
  state,
  statusCode: null,
  attempts: 0,
  nextAttemptAt: null,
  failureReason: null,
})
const page = (items: ExportSummary[]): ExportList => ({
  items,
  counters,
  retained: items.length,
  nextCursor: null,
})

describe('mergeBatch', () => {
  it('puts new records on top, newest first, and updates known ones by revision', () => {
    const data = { pages: [page([row(2, 2), row(1, 1)])], pageParams: [null] }
    const next = mergeBatch(data, [row(3, 3), row(1, 4, 'delivered'), row(4, 5)], {
      ...counters,
      delivered: 1,
    })
    expect(feedRows(next).map((r) => [r.seq, r.state])).toEqual([
      [4, 'pending'],
      [3, 'pending'],
      [2, 'pending'],
      [1, 'delivered'],
    ])
    expect(next.pages[0]?.counters.delivered).toBe(1)
  })

  it('keeps the newer revision when a stale one arrives late', () => {
    const data = { pages: [page([row(1, 9, 'failed')])], pageParams: [null] }
    expect(feedRows(mergeBatch(data, [row(1, 3, 'retrying')], counters))[0]?.state).toBe('failed')
  })

  it('bounds the rows it keeps', () => {
    const data = { pages: [page([row(1, 1)])], pageParams: [null] }
    const batch = Array.from({ length: 10 }, (_, i) => row(i + 2, i + 2))
    const next = mergeBatch(data, batch, counters, 5)
    expect(feedRows(next).map((r) => r.seq)).toEqual([11, 10, 9, 8, 7])
  })
})
