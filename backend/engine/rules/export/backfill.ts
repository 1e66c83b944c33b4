import type { Membership } from '../../../../contracts/profile'
import type { ExportReason } from '../../../../contracts/engine/exports'
import type { ExportDecision } from './decide'
import { payloadWithData } from './payload'
import type { PreparedActivation } from './prepare'
import type { ProfileState } from './types'

/**
 * Decides the historical export of one profile when audiences are added to a dataflow (DESIGN.md
 * section 6, "Backfill"; HTTP API doc: "Profiles which qualified for the audience *before* the
 * audience was added to the destination are exported"). The profile is exported when it is
 * realized in an added audience that the prepared activation maps; ids not mapped there are
 * ignored. Its payload carries those added audiences plus the realized memberships sharing their
 * merge policies. A qualified profile without mapped data is excluded like any other export.
 */
export function decideBackfill(
  profile: ProfileState,
  prepared: PreparedActivation,
  addedAudienceIds: readonly string[],
): ExportDecision {
  const { ups } = profile.segmentMembership
  const reasons: ExportReason[] = []
  const audienceIds: string[] = []
  const mergePolicyIds: string[] = []
  for (const id of addedAudienceIds) {
    const audience = prepared.mappedAudiences.find((mapped) => mapped.id === id)
    const membership: Membership | undefined = ups[id]
    if (audience === undefined || membership?.status !== 'realized' || audienceIds.includes(id)) {
      continue
    }
    reasons.push({ trigger: 'backfill', audienceId: id })
    audienceIds.push(id)
    if (!mergePolicyIds.includes(audience.mergePolicyId)) {
      mergePolicyIds.push(audience.mergePolicyId)
    }
  }
  if (reasons.length === 0) return { kind: 'out-of-scope' }
  const payload = payloadWithData(profile, prepared, { audienceIds, mergePolicyIds })
  if (!payload) return { kind: 'excluded', reason: 'no-mapped-data' }
  return { kind: 'export', reasons, payload }
}
