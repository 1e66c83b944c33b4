import { describe, expect, it } from 'vitest'
import { audiences, john, prepared } from './fixtures'
import { concernedAudiences, displayIdentity } from './record-fields'

describe('displayIdentity', () => {
  it('shows the primary identity, else the first one, else nothing', () => {
    expect(displayIdentity({ phone: [{ id: '+1555' }], ecid: [{ id: '42', primary: true }] })).toBe(
      'ecid:42',
    )
    expect(displayIdentity({ phone: [{ id: '+1555' }], ecid: [{ id: '42' }] })).toBe('phone:+1555')
    expect(displayIdentity({})).toBe('')
  })
})

describe('concernedAudiences', () => {
  const flow = prepared()

  it('names the audiences whose status changed or that were backfilled', () => {
    expect(
      concernedAudiences(
        [
          { trigger: 'segment', audienceId: audiences.deLorean.id, from: 'none', to: 'realized' },
          { trigger: 'backfill', audienceId: audiences.menOver50.id },
          { trigger: 'attribute', path: 'person.name.lastName' },
        ],
        flow,
        john,
      ),
    ).toEqual([audiences.deLorean.id, audiences.menOver50.id])
  })

  it('names the mapped audiences the profile is in for an identity or attribute export', () => {
    expect(
      concernedAudiences([{ trigger: 'attribute', path: 'person.name.lastName' }], flow, john),
    ).toEqual([audiences.firstNameJohn.id])
  })
})
