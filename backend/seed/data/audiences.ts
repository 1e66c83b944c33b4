import { MERGE_POLICIES, type Audience } from '../../../contracts/audience'
import { DAY_MS, isoDate, yearsBefore } from './calendar'

/** The stable ids of the seeded audiences ("First name equals John" keeps the docs' example id). */
export const SEED_AUDIENCE_IDS = {
  firstNameJohn: '5b998cb9-9488-4ec3-8d95-fa8338ced490',
  menOver50: 'f6d3d7d7-23ee-4a60-98bd-f6cafaa4f4e9',
  deLoreanOwners: 'd081a42b-d0da-4f74-b58d-54915ecd7ae4',
  watchedBackToTheFuture: '68d49706-a23e-4c72-9d1d-42846a7739f4',
  scienceFictionFans: '6d492458-6b80-44ef-b2a5-90d52dd89555',
  goldAndPlatinum: 'f00c773c-252c-44af-a70b-ca107d9aacb6',
  highValueLoyalty: '37ce37db-a469-4c58-92a1-82a0703003b1',
  usWithoutMobile: '3025afa5-2f81-4e44-a534-20e6da784264',
  newsletterReady: '87aa2b18-0783-4659-a16a-7b83efddf268',
  newYorkResidents: '3e10e6ab-c45c-4429-a7b8-9b3c17baea8a',
} as const

interface AudienceSeed {
  id: string
  name: string
  description: string
  pql: string
  mergePolicyId: string
  origin?: Audience['origin']
  lifecycleStatus?: Audience['lifecycleStatus']
  /** Days before `now` (fractions give a time of day). */
  createdDaysAgo: number
  updatedDaysAgo: number
}

const toAudience = (now: number, seed: AudienceSeed): Audience => ({
  id: seed.id,
  name: seed.name,
  description: seed.description,
  expression: { type: 'PQL', format: 'pql/text', value: seed.pql },
  mergePolicyId: seed.mergePolicyId,
  origin: seed.origin ?? 'Segmentation Service',
  lifecycleStatus: seed.lifecycleStatus ?? 'published',
  createdAt: now - Math.round(seed.createdDaysAgo * DAY_MS),
  updatedAt: now - Math.round(seed.updatedDaysAgo * DAY_MS),
})

/**
 * The demo organization's audiences (segment definitions), with dates counted back from `now`. The
 * first five are the examples of the HTTP API destination documentation.
 */
export function generateAudiences({ now }: { now: number }): Audience[] {
  const ids = SEED_AUDIENCE_IDS
  const defaultPolicy = MERGE_POLICIES.default.id
  const loyaltyPolicy = MERGE_POLICIES.loyalty.id
  const seeds: AudienceSeed[] = [
    {
      id: ids.firstNameJohn,
      name: 'First name equals John',
      description: 'Profiles whose first name is John.',
      pql: 'person.name.firstName = "John"',
      mergePolicyId: defaultPolicy,
      createdDaysAgo: 412.3,
      updatedDaysAgo: 412.2,
    },
    {
      id: ids.menOver50,
      name: 'Men over 50',
      description: 'Male profiles born more than 50 years ago.',
      pql: `person.gender = "male" and person.birthDate < date("${isoDate(yearsBefore(now, 50))}")`,
      mergePolicyId: defaultPolicy,
      createdDaysAgo: 398.6,
      updatedDaysAgo: 120.4,
    },
    {
      id: ids.deLoreanOwners,
      name: 'Customers with DeLorean Cars',
      description: 'Customers who own a DeLorean, according to the vehicles on their profile.',
      pql: 'vehicles contains "DeLorean"',
      mergePolicyId: defaultPolicy,
      createdDaysAgo: 287.9,
      updatedDaysAgo: 41.5,
    },
    {
      id: ids.watchedBackToTheFuture,
      name: 'Watched Back to the Future',
      description: 'Profiles that have watched the movie Back to the Future.',
      pql: 'watchedMovies contains "Back to the Future"',
      mergePolicyId: defaultPolicy,
      createdDaysAgo: 287.8,
      updatedDaysAgo: 287.8,
    },
    {
      id: ids.scienceFictionFans,
      name: 'Science fiction fans',
      description:
        'Profiles interested in science fiction, or whose favorite genre is sci-fi or cyberpunk.',
      pql: 'interests contains "science fiction" or favoriteGenre in ["sci-fi", "cyberpunk"]',
      mergePolicyId: defaultPolicy,
      createdDaysAgo: 265.1,
      updatedDaysAgo: 18.7,
    },
    {
      id: ids.goldAndPlatinum,
      name: 'Gold and platinum loyalty members',
      description: 'Loyalty program members in the Gold or Platinum tier.',
      pql: 'loyalty.tier in ["gold", "platinum"]',
      mergePolicyId: loyaltyPolicy,
      createdDaysAgo: 230.2,
      updatedDaysAgo: 64.9,
    },
    {
      id: ids.highValueLoyalty,
      name: 'High-value loyalty members',
      description: 'Loyalty program members with a balance of 5,000 points or more.',
      pql: 'loyalty.points >= 5000',
      mergePolicyId: loyaltyPolicy,
      createdDaysAgo: 176.4,
      updatedDaysAgo: 9.3,
    },
    {
      id: ids.usWithoutMobile,
      name: 'US customers without a mobile number',
      description:
        'Customers in the United States with no mobile phone number on their profile, for email-only campaigns.',
      pql: 'homeAddress.countryCode = "US" and not exists mobilePhone.number',
      mergePolicyId: defaultPolicy,
      createdDaysAgo: 143.7,
      updatedDaysAgo: 27.2,
    },
    {
      id: ids.newsletterReady,
      name: 'Newsletter-ready (has email)',
      description:
        'Profiles with a personal email address. Draft: marketing consent is still to be added to the rule.',
      pql: 'exists personalEmail.address',
      mergePolicyId: defaultPolicy,
      lifecycleStatus: 'draft',
      createdDaysAgo: 6.4,
      updatedDaysAgo: 2.1,
    },
    {
      id: ids.newYorkResidents,
      name: 'New York City residents',
      description:
        'Customers whose home address is in New York City, uploaded from the retail CRM.',
      pql: 'homeAddress.city = "New York"',
      mergePolicyId: loyaltyPolicy,
      origin: 'Custom upload',
      createdDaysAgo: 58.5,
      updatedDaysAgo: 58.5,
    },
  ]
  return seeds.map((seed) => toAudience(now, seed))
}
