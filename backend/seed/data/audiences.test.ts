import { describe, expect, it } from 'vitest'
import { audienceSchema, MERGE_POLICIES } from '../../../contracts/audience'
import { evaluatePql, parsePql, pqlPaths } from '../../engine/rules/pql/pql'
import { generateAudiences, SEED_AUDIENCE_IDS } from './audiences'
import { generateProfiles } from './profiles'
import { findField } from './union-schema'

const now = Date.UTC(2026, 10, 26)
const audiences = generateAudiences({ now })

const expressionOf = (name: string): string | undefined =>
  audiences.find((audience) => audience.name === name)?.expression.value

describe('generateAudiences', () => {
  it('gives ten valid audiences with stable, unique UUIDs', () => {
    expect(audiences).toHaveLength(10)
    for (const audience of audiences) expect(audienceSchema.parse(audience)).toEqual(audience)
    expect(audiences.map((audience) => audience.id)).toEqual(Object.values(SEED_AUDIENCE_IDS))
    expect(new Set(audiences.map((audience) => audience.id)).size).toBe(10)
    expect(generateAudiences({ now })).toEqual(audiences)
    expect(generateAudiences({ now: now + 5 * 86_400_000 }).map((audience) => audience.id)).toEqual(
      audiences.map((audience) => audience.id),
    )
  })

  it('includes the documentation examples with their exact rules', () => {
    expect(expressionOf('First name equals John')).toBe('person.name.firstName = "John"')
    expect(expressionOf('Men over 50')).toBe(
      'person.gender = "male" and person.birthDate < date("1976-11-26")',
    )
    expect(expressionOf('Customers with DeLorean Cars')).toBe('vehicles contains "DeLorean"')
    expect(expressionOf('Watched Back to the Future')).toBe(
      'watchedMovies contains "Back to the Future"',
    )
    expect(expressionOf('Science fiction fans')).toBe(
      'interests contains "science fiction" or favoriteGenre in ["sci-fi", "cyberpunk"]',
    )
  })

  it('counts "over 50" from now', () => {
    const later = generateAudiences({ now: Date.UTC(2030, 1, 3, 15) })
    expect(later.find((audience) => audience.name === 'Men over 50')?.expression.value).toContain(
      'date("1980-02-03")',
    )
  })

  it('uses both merge policies, sharing one among the documentation examples', () => {
    const policies = audiences.map((audience) => audience.mergePolicyId)
    expect(new Set(policies)).toEqual(
      new Set([MERGE_POLICIES.default.id, MERGE_POLICIES.loyalty.id]),
    )
    for (const name of ['Men over 50', 'Science fiction fans']) {
      const audience = audiences.find((candidate) => candidate.name === name)
      const sharing = audiences.filter(
        (other) => other !== audience && other.mergePolicyId === audience?.mergePolicyId,
      )
      expect(sharing.length).toBeGreaterThan(0)
    }
  })

  it('varies origins and statuses: mostly published Segmentation Service, one upload, one draft', () => {
    const origins = audiences.map((audience) => audience.origin)
    const statuses = audiences.map((audience) => audience.lifecycleStatus)
    expect(origins.filter((origin) => origin === 'Custom upload')).toHaveLength(1)
    expect(origins.filter((origin) => origin === 'Segmentation Service').length).toBeGreaterThan(5)
    expect(statuses.filter((status) => status === 'draft')).toHaveLength(1)
    expect(statuses.filter((status) => status === 'published').length).toBeGreaterThan(5)
  })

  it('dates every audience before now, updated no earlier than created', () => {
    for (const { createdAt, updatedAt } of audiences) {
      expect(Number.isInteger(createdAt) && Number.isInteger(updatedAt)).toBe(true)
      expect(createdAt).toBeLessThanOrEqual(updatedAt)
      expect(updatedAt).toBeLessThan(now)
    }
  })

  it('writes rules that parse and only read fields of the union schema', () => {
    const unknown = audiences.flatMap((audience) =>
      pqlPaths(parsePql(audience.expression.value)).filter((path) => findField(path) === undefined),
    )
    expect(unknown).toEqual([])
  })

  it('gives every audience a non-trivial share of 1,000 seeded profiles', () => {
    const profiles = generateProfiles({ seed: 42, count: 1000, now })
    const outliers = audiences
      .map((audience) => ({
        name: audience.name,
        members: profiles.filter((profile) =>
          evaluatePql(audience.expression.value, profile.attributes),
        ).length,
      }))
      .filter(({ members }) => members < 20 || members === profiles.length)
    expect(outliers).toEqual([])
  })
})
