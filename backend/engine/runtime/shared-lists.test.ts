import { describe, expect, it } from 'vitest'
import type { ExportReason } from '../../../contracts/engine/exports'
import { audiences, john, prepared } from '../rules/export/fixtures'
import { SharedLists } from './shared-lists'

const attribute: ExportReason[] = [{ trigger: 'attribute', path: 'person.name.lastName' }]

describe('SharedLists', () => {
  it('gives the same array for the same audiences, so records share it', () => {
    const lists = new SharedLists()
    const flow = prepared()
    const copy = { ...john, segmentMembership: structuredClone(john.segmentMembership) }
    const first = lists.audiencesOf(attribute, flow, john)
    expect(first).toEqual([audiences.firstNameJohn.id])
    expect(lists.audiencesOf(attribute, flow, copy)).toBe(first)
    expect(new SharedLists().audiencesOf(attribute, flow, john)).not.toBe(first)
  })

  it('gives the same array for the same reasons, and copies reasons with identities', () => {
    const lists = new SharedLists()
    const segment: ExportReason[] = [
      { trigger: 'segment', audienceId: 'a', from: 'none', to: 'realized' },
    ]
    expect(lists.reasons([...segment])).toBe(lists.reasons([...segment]))
    expect(lists.reasons([...attribute])).toBe(lists.reasons([...attribute]))
    const identity: ExportReason[] = [{ trigger: 'identity', added: ['ecid:1'], removed: [] }]
    expect(lists.reasons(identity)).not.toBe(lists.reasons(identity))
  })
})
