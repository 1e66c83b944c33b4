import { applyPatch, type Operation } from 'fast-json-patch'
import { describe, expect, it } from 'vitest'
import type { TrafficKind } from '../../../contracts/engine/traffic'
import type { Profile } from '../../../contracts/profile'
import { createRandom } from '../../seed/data/random'
import { john } from './export/fixtures'
import { planUpdate, writeOperation } from './traffic-plan'

const profile: Pick<Profile, 'attributes' | 'identityMap'> = {
  attributes: john.attributes,
  identityMap: john.identityMap,
}

const apply = (operations: unknown[]) =>
  applyPatch(structuredClone(profile), operations as Operation[], true, false).newDocument

describe('writeOperation', () => {
  it('replaces an attribute that exists', () => {
    expect(writeOperation(profile.attributes, 'person.name.firstName', 'Marty')).toEqual({
      op: 'replace',
      path: '/attributes/person/name/firstName',
      value: 'Marty',
    })
  })

  it('adds the first missing object with the rest nested in it', () => {
    expect(writeOperation(profile.attributes, 'person.title.short', 'Dr')).toEqual({
      op: 'add',
      path: '/attributes/person/title',
      value: { short: 'Dr' },
    })
    expect(writeOperation({}, 'a.b', 1)).toEqual({
      op: 'add',
      path: '/attributes/a',
      value: { b: 1 },
    })
  })
})

const kinds: TrafficKind[] = [
  'mapped-attribute',
  'unmapped-attribute',
  'audience-change',
  'identity-added',
]

/** One update of each kind, planned with `seed`. */
function planAll(seed: number) {
  const random = createRandom(seed)
  return kinds.map((kind) => planUpdate(profile, kind, ['person.name.lastName'], random))
}

describe('planUpdate', () => {
  it.each(kinds)('plans a %s update that applies to the profile', (kind) => {
    const random = createRandom(11)
    for (let i = 0; i < 50; i++) {
      const operations = planUpdate(
        profile,
        kind,
        ['person.name.lastName', 'personalEmail.address'],
        random,
      )
      expect(() => apply(operations)).not.toThrow()
    }
  })

  it('writes only mapped paths for mapped-attribute, and never them for unmapped-attribute', () => {
    const random = createRandom(5)
    const mapped = ['person.name.lastName']
    for (let i = 0; i < 30; i++) {
      expect(planUpdate(profile, 'mapped-attribute', mapped, random)[0].path).toBe(
        '/attributes/person/name/lastName',
      )
      expect(planUpdate(profile, 'unmapped-attribute', mapped, random)[0].path).not.toMatch(
        /^\/attributes\/person\/name/,
      )
    }
  })

  it('adds an identity to the identityMap', () => {
    const [operation] = planUpdate(profile, 'identity-added', [], createRandom(1))
    expect(operation).toMatchObject({ op: 'add', path: '/identityMap/ecid/-' })
  })

  it('is the same for the same seed', () => {
    expect(planAll(9)).toEqual(planAll(9))
    expect(planAll(9)).not.toEqual(planAll(10))
  })
})
