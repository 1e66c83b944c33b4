import { describe, expect, it } from 'vitest'
import type { Profile } from '../../../contracts/profile'
import type { BackfillDoc } from '../../store/docs'
import { BackfillTask, madeBy } from './backfill-task'
import type { ExportDoc } from '../../store/docs'
import { audiences, john, prepared } from '../rules/export/fixtures'
import type { FlowConfig } from './flow-config'

const profile = (id: string): Profile => ({ ...john, id, createdAt: 0, updatedAt: 0 })
const config = { enabled: true, prepared: prepared() } as FlowConfig
const backfill: BackfillDoc = {
  id: 'b',
  flowId: 'f',
  audienceIds: [audiences.firstNameJohn.id],
  createdAt: 1000,
}

describe('BackfillTask', () => {
  it('exports every qualified profile, skips those a resumed backfill already exported, then finishes', () => {
    const applied: string[] = []
    let finished = 0
    const task = new BackfillTask(
      [profile('a'), profile('b'), profile('c')],
      backfill.audienceIds,
      () => config,
      (_c, decision, p) => {
        expect(decision.kind).toBe('export')
        applied.push(p.id)
      },
      () => finished++,
      new Set(['b']),
    )
    expect(task.run(Number.POSITIVE_INFINITY)).toBe(false)
    expect(applied).toEqual(['a', 'c'])
    expect(finished).toBe(1)
  })

  it('stops and finishes when the dataflow is disabled or gone', () => {
    let finished = 0
    const task = new BackfillTask(
      [profile('a')],
      backfill.audienceIds,
      () => null,
      () => expect.fail('nothing is applied'),
      () => finished++,
    )
    expect(task.run(Number.POSITIVE_INFINITY)).toBe(false)
    expect(finished).toBe(1)
  })
})

const record = (createdAt: number, audienceId: string) =>
  ({ createdAt, reasons: [{ trigger: 'backfill', audienceId }] }) as ExportDoc

describe('madeBy', () => {
  it('tells the records of a backfill from older ones and from other audiences', () => {
    expect(madeBy(backfill, record(1000, audiences.firstNameJohn.id))).toBe(true)
    expect(madeBy(backfill, record(999, audiences.firstNameJohn.id))).toBe(false)
    expect(madeBy(backfill, record(2000, audiences.deLorean.id))).toBe(false)
  })
})
