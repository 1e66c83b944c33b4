import type { Audience } from '../../../../contracts/audience'
import type { Profile } from '../../../../contracts/profile'

/** What the export rules read of a profile: its XDM attributes, identities and memberships. */
export type ProfileState = Pick<Profile, 'attributes' | 'identityMap' | 'segmentMembership'>

/**
 * One profile update as the engine sees it (DESIGN.md section 6: "in one profile update").
 * `before` is null when the update created the profile. `writtenPaths` are the XDM attribute dot
 * paths the update wrote, even when the value written equals the old one.
 */
export interface ProfileUpdate {
  readonly before: ProfileState | null
  readonly after: ProfileState
  readonly writtenPaths: readonly string[]
}

/** An audience as the export rules need it; times are UNIX milliseconds. */
export type AudienceSummary = Pick<
  Audience,
  'id' | 'name' | 'mergePolicyId' | 'createdAt' | 'updatedAt'
>

/** An audience mapped in a dataflow, with its mapping's timestamps (UNIX milliseconds). */
export interface MappedAudience extends AudienceSummary {
  readonly mappingCreatedAt: number
  readonly mappingUpdatedAt: number
}

/**
 * One dataflow's activation: the mapped audiences, the mapped XDM attribute dot paths and the
 * destination's Include Segment Names / Include Segment Timestamps toggles.
 */
export interface Activation {
  readonly flowId: string
  readonly mappedAudiences: readonly MappedAudience[]
  readonly mappedAttributes: readonly string[]
  readonly includeSegmentNames: boolean
  readonly includeSegmentTimestamps: boolean
}
