import { describe, expect, it } from 'vitest'
import { profileSchema, type Profile } from '../../../contracts/profile'
import { DAY_MS, isoDate, yearsBefore } from './calendar'
import { DEFAULT_PROFILE_COUNT, generateProfiles } from './profiles'
import { sha256 } from './sha256'

const now = Date.UTC(2026, 10, 26)
const profiles = generateProfiles({ seed: 42, count: 1000, now })

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A typed view of the attributes the generator writes. */
interface SeedAttributes {
  person: { name: { firstName: string; lastName: string }; birthDate: string; gender: string }
  personalEmail?: { address: string }
  mobilePhone?: { number: string }
  homeAddress: { city: string; countryCode: string; country: string }
  loyalty?: { tier: string; points: number }
  vehicles?: string[]
  watchedMovies?: string[]
  interests?: string[]
  favoriteGenre?: string
}

const attributes = (profile: Profile): SeedAttributes =>
  profile.attributes as unknown as SeedAttributes

const share = (predicate: (profile: SeedAttributes) => boolean): number =>
  profiles.filter((profile) => predicate(attributes(profile))).length / profiles.length

const ascii = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()

describe('generateProfiles', () => {
  it('is deterministic: the same inputs give the same profiles', () => {
    expect(generateProfiles({ seed: 42, count: 1000, now })).toEqual(profiles)
  })

  it('gives different profiles for a different seed', () => {
    const other = generateProfiles({ seed: 43, count: 1000, now })
    expect(other.map((profile) => profile.id)).not.toEqual(profiles.map((profile) => profile.id))
    expect(other.map((profile) => profile.attributes)).not.toEqual(
      profiles.map((profile) => profile.attributes),
    )
  })

  it('gives a prefix of the larger set for a smaller count', () => {
    expect(generateProfiles({ seed: 42, count: 25, now })).toEqual(profiles.slice(0, 25))
  })

  it(`generates ${DEFAULT_PROFILE_COUNT} profiles by default`, () => {
    expect(generateProfiles({ seed: 42, now })).toEqual(profiles)
  })

  it('produces valid profiles with unique UUID-shaped ids and empty memberships', () => {
    for (const profile of profiles) {
      expect(profileSchema.parse(profile)).toEqual(profile)
      expect(profile.id).toMatch(UUID)
      expect(profile.segmentMembership).toEqual({ ups: {} })
    }
    expect(new Set(profiles.map((profile) => profile.id)).size).toBe(profiles.length)
  })

  it('dates creation and update within the 90 days before now', () => {
    for (const { createdAt, updatedAt } of profiles) {
      expect(Number.isInteger(createdAt) && Number.isInteger(updatedAt)).toBe(true)
      expect(createdAt).toBeGreaterThanOrEqual(now - 90 * DAY_MS)
      expect(updatedAt).toBeGreaterThanOrEqual(createdAt)
      expect(updatedAt).toBeLessThanOrEqual(now)
    }
  })

  it('gives adults of 18 to 85 with an XDM gender', () => {
    const youngest = isoDate(yearsBefore(now, 18))
    const oldestBornAfter = isoDate(yearsBefore(now, 86))
    for (const profile of profiles) {
      const { birthDate, gender } = attributes(profile).person
      expect(birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(birthDate <= youngest && birthDate > oldestBornAfter).toBe(true)
      expect(['male', 'female', 'not_specified']).toContain(gender)
    }
    expect(
      share((profile) => profile.person.birthDate < isoDate(yearsBefore(now, 50))),
    ).toBeGreaterThan(0.3)
  })

  it('names 4% of the profiles John, one in every 25', () => {
    expect(share((profile) => profile.person.name.firstName === 'John')).toBe(0.04)
    for (let start = 0; start < profiles.length; start += 25) {
      const run = profiles.slice(start, start + 25).map(attributes)
      expect(run.filter((profile) => profile.person.name.firstName === 'John')).toHaveLength(1)
    }
  })

  it('derives unique, lower-case personal emails from the names', () => {
    const emails = profiles.flatMap((profile) => attributes(profile).personalEmail?.address ?? [])
    expect(emails.length / profiles.length).toBeGreaterThan(0.85)
    expect(new Set(emails).size).toBe(emails.length)
    for (const profile of profiles) {
      const { person, personalEmail } = attributes(profile)
      if (!personalEmail) continue
      expect(personalEmail.address).toMatch(/^[a-z0-9._]+@[a-z]+(\.[a-z]+)+$/)
      const local = personalEmail.address.split('@')[0]
      expect(local).toContain(ascii(person.name.lastName)[0])
      expect(
        local.includes(ascii(person.name.firstName)) || local.includes(ascii(person.name.lastName)),
      ).toBe(true)
    }
  })

  it('hashes the lower-cased email into email_lc_sha256', () => {
    for (const profile of profiles) {
      const email = attributes(profile).personalEmail?.address
      expect(profile.identityMap.email_lc_sha256).toEqual(
        email === undefined ? undefined : [{ id: sha256(email.toLowerCase()), primary: false }],
      )
    }
  })

  it('gives about 80% a unique E.164 mobile number, also in the phone namespace', () => {
    const numbers = profiles.flatMap((profile) => attributes(profile).mobilePhone?.number ?? [])
    expect(numbers.length / profiles.length).toBeGreaterThan(0.75)
    expect(numbers.length / profiles.length).toBeLessThan(0.85)
    expect(new Set(numbers).size).toBe(numbers.length)
    for (const number of numbers) expect(number).toMatch(/^\+[1-9]\d{9,13}$/)
    for (const profile of profiles) {
      const number = attributes(profile).mobilePhone?.number
      expect(profile.identityMap.phone).toEqual(
        number === undefined ? undefined : [{ id: number, primary: false }],
      )
    }
    const american = profiles.flatMap((profile) => {
      const { homeAddress, mobilePhone } = attributes(profile)
      return homeAddress.countryCode === 'US' && mobilePhone ? [mobilePhone.number] : []
    })
    for (const number of american) expect(number).toMatch(/^\+1[2-9]\d{2}[2-9]\d{6}$/)
  })

  it('gives one or two 38-digit ECIDs, the first one primary', () => {
    for (const { identityMap } of profiles) {
      const [first, ...others] = identityMap.ecid
      expect(first).toEqual({ id: expect.stringMatching(/^[1-9]\d{37}$/), primary: true })
      expect(others.length).toBeLessThanOrEqual(1)
      for (const other of others)
        expect(other).toEqual({ id: expect.stringMatching(/^[1-9]\d{37}$/), primary: false })
    }
    expect(profiles.some(({ identityMap }) => identityMap.ecid.length === 2)).toBe(true)
  })

  it('places people in real cities with a consistent country, mostly in the US', () => {
    const countryOfCity = new Map<string, string>()
    const nameOfCountry = new Map<string, string>()
    for (const profile of profiles) {
      const { city, countryCode, country } = attributes(profile).homeAddress
      expect(countryOfCity.get(city) ?? countryCode).toBe(countryCode)
      expect(nameOfCountry.get(countryCode) ?? country).toBe(country)
      countryOfCity.set(city, countryCode)
      nameOfCountry.set(countryCode, country)
    }
    expect(nameOfCountry.get('US')).toBe('United States')
    expect(nameOfCountry.size).toBeGreaterThan(5)
    const american = share((profile) => profile.homeAddress.countryCode === 'US')
    expect(american).toBeGreaterThan(0.6)
    expect(american).toBeLessThan(0.8)
  })

  it('keeps loyalty points consistent with the tier, fewer members in higher tiers', () => {
    const ranges: Record<string, [number, number]> = {
      bronze: [0, 1_999],
      silver: [2_000, 7_499],
      gold: [7_500, 19_999],
      platinum: [20_000, 75_000],
    }
    const counts: Record<string, number> = { bronze: 0, silver: 0, gold: 0, platinum: 0 }
    for (const profile of profiles) {
      const { loyalty } = attributes(profile)
      if (!loyalty) continue
      const [min, max] = ranges[loyalty.tier]
      expect(Number.isInteger(loyalty.points)).toBe(true)
      expect(loyalty.points).toBeGreaterThanOrEqual(min)
      expect(loyalty.points).toBeLessThanOrEqual(max)
      counts[loyalty.tier]++
    }
    expect(counts.bronze).toBeGreaterThan(counts.silver)
    expect(counts.silver).toBeGreaterThan(counts.gold)
    expect(counts.gold).toBeGreaterThan(counts.platinum)
    expect(counts.platinum).toBeGreaterThan(0)
  })

  it('has DeLorean owners (~3%), Back to the Future viewers (~15%) and science fiction fans', () => {
    const deLorean = share((profile) => profile.vehicles?.includes('DeLorean') ?? false)
    expect(deLorean).toBeGreaterThan(0.015)
    expect(deLorean).toBeLessThan(0.05)
    const backToTheFuture = share(
      (profile) => profile.watchedMovies?.includes('Back to the Future') ?? false,
    )
    expect(backToTheFuture).toBeGreaterThan(0.1)
    expect(backToTheFuture).toBeLessThan(0.2)
    expect(
      share((profile) => profile.interests?.includes('science fiction') ?? false),
    ).toBeGreaterThan(0.1)
    expect(share((profile) => profile.favoriteGenre === 'cyberpunk')).toBeGreaterThan(0)
  })

  it('writes list attributes only when non-empty, without duplicates', () => {
    for (const profile of profiles) {
      const { vehicles, watchedMovies, interests } = attributes(profile)
      for (const list of [vehicles, watchedMovies, interests]) {
        if (list === undefined) continue
        expect(list.length).toBeGreaterThan(0)
        expect(new Set(list).size).toBe(list.length)
      }
    }
  })

  it(
    'generates 100,000 profiles with unique ids, emails and phone numbers',
    { timeout: 60_000 },
    () => {
      const many = generateProfiles({ seed: 7, count: 100_000, now })
      expect(many).toHaveLength(100_000)
      expect(new Set(many.map((profile) => profile.id)).size).toBe(100_000)
      const emails = many.flatMap((profile) => attributes(profile).personalEmail?.address ?? [])
      expect(new Set(emails).size).toBe(emails.length)
      const numbers = many.flatMap((profile) => attributes(profile).mobilePhone?.number ?? [])
      expect(new Set(numbers).size).toBe(numbers.length)
    },
  )
})
