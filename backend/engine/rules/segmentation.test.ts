import { describe, expect, it } from 'vitest'
import type { Profile } from '../../../contracts/profile'
import { generateAudiences } from '../../seed/data/audiences'
import { generateProfiles } from '../../seed/data/profiles'
import { writeOperation } from './traffic-plan'
import { applySimplePatch, writtenAttributePaths } from './profile-patch'
import { compileAudience, evaluateMemberships } from './segmentation'

const now = Date.UTC(2026, 10, 26)
const audiences = generateAudiences({ now }).map(compileAudience)
const at = '2026-11-26T10:00:00.000Z'

const john = {
  attributes: { person: { name: { firstName: 'John' }, gender: 'male' }, vehicles: ['DeLorean'] },
  segmentMembership: { ups: {} },
}

describe('compileAudience', () => {
  it('keeps the attribute paths the PQL reads', () => {
    const [firstNameJohn] = audiences
    expect(firstNameJohn.paths).toEqual(['person.name.firstName'])
  })
})

describe('evaluateMemberships', () => {
  it('realizes the qualifying audiences and stamps them', () => {
    const result = evaluateMemberships(john, audiences, at)
    expect(result?.changed).toContain(audiences[0].id)
    expect(result?.ups[audiences[0].id]).toEqual({ status: 'realized', lastQualificationTime: at })
  })

  it('with written paths, evaluates only the audiences reading them', () => {
    const result = evaluateMemberships(john, audiences, at, ['person.name'])
    expect(result?.changed).toEqual([audiences[0].id])
    expect(evaluateMemberships(john, audiences, at, ['loyalty.points'])).toBeNull()
  })

  it('gives what a full evaluation gives after an update of evaluated memberships', () => {
    const profiles = generateProfiles({ seed: 7, count: 200, now }).map((profile): Profile => ({
      ...profile,
      segmentMembership: { ups: evaluateMemberships(profile, audiences, at)?.ups ?? {} },
    }))
    const paths = [
      'person.name.firstName',
      'person.gender',
      'vehicles',
      'loyalty.tier',
      'interests',
    ]
    const values = ['John', 'male', ['DeLorean'], 'gold', ['science fiction']]
    profiles.forEach((profile, index) => {
      const path = paths[index % paths.length]
      const operations = [writeOperation(profile.attributes, path, values[index % values.length])]
      const edited = applySimplePatch(profile, operations) ?? profile
      const written = writtenAttributePaths(operations, profile.attributes, edited.attributes)
      const updated = {
        attributes: edited.attributes,
        segmentMembership: profile.segmentMembership,
      }
      expect(evaluateMemberships(updated, audiences, at, written)).toEqual(
        evaluateMemberships(updated, audiences, at),
      )
    })
  })
})
