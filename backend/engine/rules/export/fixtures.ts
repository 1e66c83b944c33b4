import { MERGE_POLICIES } from '../../../../contracts/audience'
import type { Membership } from '../../../../contracts/profile'
import { prepareActivation, type PreparedActivation } from './prepare'
import type {
  Activation,
  AudienceSummary,
  MappedAudience,
  ProfileState,
  ProfileUpdate,
} from './types'

const DEFAULT_POLICY = MERGE_POLICIES.default.id
const LOYALTY_POLICY = MERGE_POLICIES.loyalty.id

const audience = (
  id: string,
  name: string,
  mergePolicyId: string,
  createdAt: number,
): AudienceSummary => ({ id, name, mergePolicyId, createdAt, updatedAt: createdAt + 5000 })

/** The sandbox's audiences, named as in the HTTP API doc's example dataflow. */
export const audiences = {
  firstNameJohn: audience(
    '5b998cb9-9488-4ec3-8d95-fa8338ced490',
    'First name equals John',
    DEFAULT_POLICY,
    1648553325000,
  ),
  deLorean: audience(
    '947c1c46-008d-40b0-92ec-3af86eaf41c1',
    'Customers with DeLorean Cars',
    DEFAULT_POLICY,
    1648553400000,
  ),
  menOver50: audience(
    '72ddd79b-6b0a-4e97-a8d2-112ccd81bd02',
    'Men over 50',
    LOYALTY_POLICY,
    1648553500000,
  ),
  backToTheFuture: audience(
    '5114d758-ce71-43ba-b53e-e2a91d67b67f',
    'Watched "Back to the Future"',
    DEFAULT_POLICY,
    1648553600000,
  ),
  sciFiFans: audience(
    '7841ba61-23c1-4bb3-a495-00d695fe1e93',
    'Science fiction fans',
    DEFAULT_POLICY,
    1648553700000,
  ),
  goldLoyalty: audience(
    'c3f0a0de-2b1f-4c55-9d7e-6a1f0b8e4d21',
    'Gold loyalty members',
    LOYALTY_POLICY,
    1648553800000,
  ),
} as const

/** Every audience of the sandbox, by id, as `prepareActivation` takes them. */
export const sandboxAudiences: ReadonlyMap<string, AudienceSummary> = new Map(
  Object.values(audiences).map((entry) => [entry.id, entry]),
)

/** An audience as mapped in the dataflow, mapped on 2022-04-13. */
export const mapped = (entry: AudienceSummary): MappedAudience => ({
  ...entry,
  mappingCreatedAt: 1649856570000,
  mappingUpdatedAt: 1649856570000,
})

/**
 * The doc's example dataflow: three mapped audiences, four mapped attributes, both toggles off.
 */
export const activation = (overrides: Partial<Activation> = {}): Activation => ({
  flowId: 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2',
  mappedAudiences: [audiences.firstNameJohn, audiences.deLorean, audiences.menOver50].map(mapped),
  mappedAttributes: [
    'person.name.firstName',
    'person.name.lastName',
    'person.birthDate',
    'personalEmail.address',
  ],
  includeSegmentNames: false,
  includeSegmentTimestamps: false,
  ...overrides,
})

/** The doc's example dataflow, compiled against the sandbox. */
export const prepared = (overrides: Partial<Activation> = {}): PreparedActivation =>
  prepareActivation(activation(overrides), sandboxAudiences)

/** A membership the profile holds. */
export const realized = (lastQualificationTime: string): Membership => ({
  status: 'realized',
  lastQualificationTime,
})

/** A membership the profile has left. */
export const exited = (lastQualificationTime: string): Membership => ({
  status: 'exited',
  lastQualificationTime,
})

/** John Doe: in "First name equals John" (mapped) and two unmapped audiences, out of a third. */
export const john: ProfileState = {
  attributes: {
    person: {
      name: { firstName: 'John', lastName: 'Doe' },
      birthDate: '1968-06-12',
      gender: 'male',
    },
    personalEmail: { address: 'john.doe@acme.com' },
    homeAddress: { city: 'Hill Valley', country: 'US' },
    loyalty: { tier: 'gold', points: 12850 },
  },
  identityMap: {
    ecid: [
      { id: '14575006536349286404619648085736425115', primary: true },
      { id: '66478888669296734530114754794777368480' },
    ],
    email_lc_sha256: [{ id: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f' }],
  },
  segmentMembership: {
    ups: {
      [audiences.firstNameJohn.id]: realized('2022-01-02T23:37:33Z'),
      [audiences.backToTheFuture.id]: realized('2021-08-25T23:37:33Z'),
      [audiences.sciFiFans.id]: exited('2022-01-11T21:24:39Z'),
    },
  },
}

/** A copy of `profile` changed by `edit`, so fixtures stay untouched. */
export const changed = (
  profile: ProfileState,
  edit: (draft: ProfileState) => void,
): ProfileState => {
  const draft = structuredClone(profile)
  edit(draft)
  return draft
}

/** A profile update; no attribute written unless given. */
export const update = (
  before: ProfileState | null,
  after: ProfileState,
  writtenPaths: readonly string[] = [],
): ProfileUpdate => ({ before, after, writtenPaths })
