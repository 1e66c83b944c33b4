import { describe, expect, it } from 'vitest'
import { emptyGeneralTransform, type Flow } from '../../../contracts/flow-service'
import {
  activationStep,
  draftChanges,
  draftFrom,
  draftPatch,
  hasUniqueIdentifier,
} from './activation-draft'

const transform = () => {
  const t = emptyGeneralTransform()
  t.params.segmentSelectors.selectors.push({
    type: 'PLATFORM_SEGMENT',
    value: { id: 'men', name: 'Men over 50', mappingCreatedAt: 1, mappingUpdatedAt: 1 },
  })
  t.params.profileSelectors.selectors.push({
    type: 'JSON_PATH',
    value: { path: 'person.name.firstName', operator: 'EXISTS' },
  })
  return t
}

const flow = { etag: '"v1"', transformations: [transform()] } as unknown as Flow

describe('draftFrom', () => {
  it('starts from what the dataflow exports now, remembering its version', () => {
    const draft = draftFrom(flow)
    expect(draft.etag).toBe('"v1"')
    expect(draft.audiences).toEqual([{ id: 'men', name: 'Men over 50', description: '' }])
    expect(draft.attributes).toEqual(['person.name.firstName'])
    expect(draftPatch(draft)).toEqual([])
  })

  it('keeps its own copy of the starting version', () => {
    const draft = draftFrom(flow)
    draft.base.params.segmentSelectors.selectors.pop()
    expect(flow.transformations[0].params.segmentSelectors.selectors).toHaveLength(1)
  })
})

describe('draftChanges', () => {
  it('names what Finish adds and removes', () => {
    const draft = {
      ...draftFrom(flow),
      audiences: [{ id: 'john', name: 'First name equals John', description: '' }],
      attributes: ['person.name.firstName', 'personalEmail.address'],
    }
    expect(draftChanges(draft)).toEqual({
      addedAudiences: [{ id: 'john', name: 'First name equals John', description: '' }],
      removedAudiences: [{ id: 'men', name: 'Men over 50', description: '' }],
      addedAttributes: ['personalEmail.address'],
      removedAttributes: [],
    })
    expect(draftPatch(draft).map((op) => op.op)).toEqual(['remove', 'add', 'add'])
  })
})

describe('hasUniqueIdentifier', () => {
  it('recognizes the attributes that identify a person', () => {
    expect(hasUniqueIdentifier(['person.name.firstName'])).toBe(false)
    expect(hasUniqueIdentifier(['person.name.firstName', 'personalEmail.address'])).toBe(true)
    expect(hasUniqueIdentifier(['mobilePhone.number'])).toBe(true)
    expect(hasUniqueIdentifier([])).toBe(false)
  })
})

describe('activationStep', () => {
  it('reads the step slug of the URL', () => {
    expect(activationStep(undefined)).toBe('audiences')
    expect(activationStep('mapping')).toBe('mapping')
    expect(activationStep('schedule')).toBeNull()
  })
})
