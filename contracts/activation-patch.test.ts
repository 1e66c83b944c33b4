import { applyPatch, type Operation } from 'fast-json-patch'
import { describe, expect, it } from 'vitest'
import {
  activationPatch,
  currentActivation,
  PROFILE_SELECTORS,
  removeAudiencesPatch,
  SEGMENT_SELECTORS,
} from './activation-patch'
import { emptyGeneralTransform, type GeneralTransform } from './flow-service'

const john = { id: 'aud-john', name: 'First name equals John', description: 'Johns.' }
const men = { id: 'aud-men', name: 'Men over 50', description: '' }
const scifi = { id: 'aud-scifi', name: 'Science fiction fans', description: 'Sci-fi.' }

const mapped = (stamp: number) => ({ mappingCreatedAt: stamp, mappingUpdatedAt: stamp })

/** A transform with John and Men over 50 mapped (with timestamps) and three attributes. */
function activated(): GeneralTransform {
  return {
    name: 'GeneralTransform',
    params: {
      segmentSelectors: {
        selectors: [
          { type: 'PLATFORM_SEGMENT', value: { ...john, ...mapped(100) } },
          { type: 'PLATFORM_SEGMENT', value: { ...men, ...mapped(200) } },
        ],
      },
      profileSelectors: {
        selectors: ['person.name.firstName', 'person.name.lastName', 'personalEmail.address'].map(
          (path) => ({ type: 'JSON_PATH' as const, value: { path, operator: 'EXISTS' as const } }),
        ),
      },
    },
  }
}

/** Applies a patch the way the backend does, to a flow holding `transform`. */
function apply(transform: GeneralTransform, operations: ReturnType<typeof activationPatch>) {
  const doc = { transformations: [structuredClone(transform)] }
  return applyPatch(doc, structuredClone(operations) as Operation[], true, false).newDocument
    .transformations[0]
}

describe('activationPatch: add', () => {
  it('appends audiences and attributes to an empty dataflow, as the streaming tutorial does', () => {
    const patch = activationPatch(emptyGeneralTransform(), {
      audiences: [john, men],
      attributes: ['person.name.firstName', 'personalEmail.address'],
    })
    expect(patch).toEqual([
      {
        op: 'add',
        path: '/transformations/0/params/segmentSelectors/selectors/-',
        value: { type: 'PLATFORM_SEGMENT', value: john },
      },
      {
        op: 'add',
        path: '/transformations/0/params/segmentSelectors/selectors/-',
        value: { type: 'PLATFORM_SEGMENT', value: men },
      },
      {
        op: 'add',
        path: '/transformations/0/params/profileSelectors/selectors/-',
        value: { type: 'JSON_PATH', value: { path: 'person.name.firstName', operator: 'EXISTS' } },
      },
      {
        op: 'add',
        path: '/transformations/0/params/profileSelectors/selectors/-',
        value: { type: 'JSON_PATH', value: { path: 'personalEmail.address', operator: 'EXISTS' } },
      },
    ])
  })

  it('adds only what is new and leaves the existing selectors (and their timestamps) alone', () => {
    const current = activated()
    const patch = activationPatch(current, {
      audiences: [john, men, scifi],
      attributes: [...currentActivation(current).attributes, 'mobilePhone.number'],
    })
    expect(patch).toEqual([
      {
        op: 'add',
        path: `${SEGMENT_SELECTORS}/-`,
        value: { type: 'PLATFORM_SEGMENT', value: scifi },
      },
      {
        op: 'add',
        path: `${PROFILE_SELECTORS}/-`,
        value: { type: 'JSON_PATH', value: { path: 'mobilePhone.number', operator: 'EXISTS' } },
      },
    ])
    const after = apply(current, patch)
    expect(after.params.segmentSelectors.selectors.slice(0, 2)).toEqual(
      current.params.segmentSelectors.selectors,
    )
  })

  it('sends each audience and attribute once, even when wanted twice', () => {
    const patch = activationPatch(emptyGeneralTransform(), {
      audiences: [john, john],
      attributes: ['personalEmail.address', 'personalEmail.address'],
    })
    expect(patch.map((op) => op.path)).toEqual([`${SEGMENT_SELECTORS}/-`, `${PROFILE_SELECTORS}/-`])
  })

  it('produces an empty document when nothing changes', () => {
    const current = activated()
    expect(activationPatch(current, currentActivation(current))).toEqual([])
  })
})

describe('activationPatch: edit', () => {
  it('removes by index in descending order, then adds, so every index is valid when applied', () => {
    const current = activated()
    const patch = activationPatch(current, {
      audiences: [scifi],
      attributes: ['person.name.lastName', 'homeAddress.city'],
    })
    expect(patch).toEqual([
      { op: 'remove', path: `${SEGMENT_SELECTORS}/1` },
      { op: 'remove', path: `${SEGMENT_SELECTORS}/0` },
      { op: 'remove', path: `${PROFILE_SELECTORS}/2` },
      { op: 'remove', path: `${PROFILE_SELECTORS}/0` },
      {
        op: 'add',
        path: `${SEGMENT_SELECTORS}/-`,
        value: { type: 'PLATFORM_SEGMENT', value: scifi },
      },
      {
        op: 'add',
        path: `${PROFILE_SELECTORS}/-`,
        value: { type: 'JSON_PATH', value: { path: 'homeAddress.city', operator: 'EXISTS' } },
      },
    ])
    expect(currentActivation(apply(current, patch))).toEqual({
      audiences: [scifi],
      attributes: ['person.name.lastName', 'homeAddress.city'],
    })
  })

  it('keeps a remaining audience exactly as it was, mapping timestamps included', () => {
    const current = activated()
    const after = apply(
      current,
      activationPatch(current, { audiences: [men], attributes: ['personalEmail.address'] }),
    )
    expect(after.params.segmentSelectors.selectors).toEqual([
      { type: 'PLATFORM_SEGMENT', value: { ...men, ...mapped(200) } },
    ])
  })
})

describe('removeAudiencesPatch', () => {
  it('removes the chosen audiences by index, highest first, and nothing else', () => {
    const current = activated()
    current.params.segmentSelectors.selectors.push({
      type: 'PLATFORM_SEGMENT',
      value: { ...scifi, ...mapped(300) },
    })
    const patch = removeAudiencesPatch(current, ['aud-john', 'aud-scifi'])
    expect(patch).toEqual([
      { op: 'remove', path: `${SEGMENT_SELECTORS}/2` },
      { op: 'remove', path: `${SEGMENT_SELECTORS}/0` },
    ])
    const after = apply(current, patch)
    expect(after.params.segmentSelectors.selectors.map((s) => s.value.id)).toEqual(['aud-men'])
    expect(after.params.profileSelectors).toEqual(current.params.profileSelectors)
  })

  it('ignores audiences that are not mapped', () => {
    expect(removeAudiencesPatch(activated(), ['aud-unknown'])).toEqual([])
  })
})

describe('currentActivation', () => {
  it('falls back to the id when a selector has no name', () => {
    const current = emptyGeneralTransform()
    current.params.segmentSelectors.selectors.push({ type: 'PLATFORM_SEGMENT', value: { id: 'x' } })
    expect(currentActivation(current).audiences).toEqual([{ id: 'x', name: 'x', description: '' }])
  })
})
