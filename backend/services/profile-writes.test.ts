import { describe, expect, it } from 'vitest'
import { KIND_WEIGHTS, planUpdate } from '../engine/rules/traffic-plan'
import { createRandom } from '../seed/data/random'
import { generateProfiles } from '../seed/data/profiles'
import { leafPaths } from '../seed/data/union-schema'
import { ProfilePatchChecker } from './profile-writes'

const checker = new ProfilePatchChecker()
const checkProfileOperations = checker.check.bind(checker)

describe('checkProfileOperations', () => {
  it('lets every update generated traffic makes through, whatever is mapped', () => {
    const random = createRandom(3)
    const profiles = [...generateProfiles({ seed: 1, count: 200, now: Date.UTC(2026, 10, 26) })]
    const mappings = [[], ['person.name.firstName', 'loyalty.points'], leafPaths()]
    for (const [kind] of KIND_WEIGHTS) {
      for (const profile of profiles) {
        for (const mapped of mappings) {
          const operations = planUpdate(profile, kind, mapped, random)
          expect(checkProfileOperations(operations, profile)).toEqual([])
        }
      }
    }
  })

  it('names the operation and field of each refusal', () => {
    const [profile] = generateProfiles({ seed: 1, count: 1, now: Date.UTC(2026, 10, 26) })
    expect(
      checkProfileOperations(
        [
          { op: 'replace', path: '/attributes/person/name/firstName', value: 'Marty' },
          { op: 'move', from: '/identityMap/ecid', path: '/attributes/favoriteGenre' },
          { op: 'add', path: '/identityMap/prototype', value: [] },
        ],
        profile,
      ),
    ).toEqual([
      { path: '1.from', message: 'move stays within /attributes or within /identityMap.' },
      { path: '2.path', message: "'prototype' cannot be a name here." },
    ])
  })
})
