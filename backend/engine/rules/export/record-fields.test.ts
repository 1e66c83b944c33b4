import { describe, expect, it } from 'vitest'
import { audiences, john, prepared } from './fixtures'
import { changedAudiences, displayIdentity, realizedMappedAudiences } from './record-fields'

describe('displayIdentity', () => {
  it('shows the primary identity, else the first one, else nothing', () => {
    expect(displayIdentity({ phone: [{ id: '+1555' }], ecid: [{ id: '42', primary: true }] })).toBe(
      'ecid:42',
    )
    expect(displayIdentity({ phone: [{ id: '+1555' }], ecid: [{ id: '42' }] })).toBe('phone:+1555')
    expect(displayIdentity({})).toBe('')
  })
})

describe('changedAudiences', () => {
  it('names the audiences whose status changed or that were backfilled, once each', () => {
    expect(
      changedAudiences([
        { trigger: 'segment', audienceId: audiences.deLorean.id, from: 'none', to: 'realized' },
        { trigger: 'backfill', audienceId: audiences.menOver50.id },
        { trigger: 'backfill', audienceId: audiences.deLorean.id },
        { trigger: 'attribute', path: 'person.name.lastName' },
      ]),
    ).toEqual([audiences.deLorean.id, audiences.menOver50.id])
    expect(changedAudiences([{ trigger: 'attribute', path: 'person.name.lastName' }])).toEqual([])
  })
})

describe('realizedMappedAudiences', () => {
  const flow = prepared()

  it('names the mapped audiences the profile is realized in, in mapping order', () => {
    expect(realizedMappedAudiences(flow, john)).toEqual([audiences.firstNameJohn.id])
    const exited = {
      ...john,
      segmentMembership: {
        ups: {
          ...john.segmentMembership.ups,
          [audiences.firstNameJohn.id]: {
            status: 'exited' as const,
            lastQualificationTime: '2026-11-26T09:00:00.000Z',
          },
        },
      },
    }
    expect(realizedMappedAudiences(flow, exited)).toEqual([])
  })
})
