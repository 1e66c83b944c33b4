import { describe, expect, it } from 'vitest'
import { CORE_MARKETING_ACTIONS, findMarketingAction } from './marketing-actions'

describe('CORE_MARKETING_ACTIONS', () => {
  it('lists the Adobe-defined marketing actions by AEP’s labels', () => {
    expect(CORE_MARKETING_ACTIONS.map((a) => a.label)).toEqual([
      'Analytics',
      'Combine with PII',
      'Cross-Site Targeting',
      'Data Science',
      'Email Targeting',
      'Export to Third Party',
      'Onsite Advertising',
      'Onsite Personalization',
      'Segment Match',
      'Single Identity Personalization',
    ])
  })

  it('gives every action a unique id and a description', () => {
    const ids = CORE_MARKETING_ACTIONS.map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const action of CORE_MARKETING_ACTIONS) {
      expect(action.id).toMatch(/^[a-z][A-Za-z]+$/)
      expect(action.description.length).toBeGreaterThan(20)
    }
  })
})

describe('findMarketingAction', () => {
  it('finds an action by id', () => {
    expect(findMarketingAction('exportToThirdParty')?.label).toBe('Export to Third Party')
  })

  it('returns undefined for an unknown id', () => {
    expect(findMarketingAction('Export to Third Party')).toBeUndefined()
  })
})
