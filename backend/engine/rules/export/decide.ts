import type {
  ExclusionReason,
  ExportReason,
  SegmentStatus,
} from '../../../../contracts/engine/exports'
import type { IdentityMap, Membership, MembershipStatus } from '../../../../contracts/profile'
import { payloadWithData, type ExportPayload } from './payload'
import type { PreparedActivation } from './prepare'
import type { ProfileState, ProfileUpdate } from './types'
import { pathsOverlap } from './xdm-path'

/** The outcome for one profile on one dataflow; out-of-scope profiles are not counted anywhere. */
export type ExportDecision =
  | { kind: 'export'; reasons: ExportReason[]; payload: ExportPayload }
  | { kind: 'excluded'; reason: ExclusionReason }
  | { kind: 'out-of-scope' }

type Ups = ProfileState['segmentMembership']['ups']

const statusIn = (ups: Ups | undefined, audienceId: string): SegmentStatus => {
  const membership: Membership | undefined = ups?.[audienceId]
  return membership === undefined ? 'none' : membership.status
}

/** none → realized, realized → exited and exited → realized; anything else is no change. */
const isStatusChange = (from: SegmentStatus, to: SegmentStatus): to is MembershipStatus =>
  to === 'realized' ? from !== 'realized' : to === 'exited' && from === 'realized'

const hasIdentityEntry = (map: IdentityMap | undefined, namespace: string, id: string): boolean => {
  const identities: IdentityMap[string] | undefined = map?.[namespace]
  return identities !== undefined && identities.some((identity) => identity.id === id)
}

/** The `namespace:id` entries of `map` that `other` lacks, in `map`'s order. */
const identitiesMissingFrom = (map: IdentityMap | undefined, other: IdentityMap | undefined) => {
  const missing: string[] = []
  for (const namespace in map) {
    for (const { id } of map[namespace]) {
      const entry = `${namespace}:${id}`
      if (!hasIdentityEntry(other, namespace, id) && !missing.includes(entry)) missing.push(entry)
    }
  }
  return missing
}

const NONE: PreparedActivation['mappedAudiences'] = []

/** True when one of the written paths writes `path` (the same path, a parent or a child). */
const writesPath = (writtenPaths: readonly string[], path: string): boolean => {
  for (const written of writtenPaths) if (pathsOverlap(written, path)) return true
  return false
}

const addOnce = (values: string[], value: string): void => {
  if (!values.includes(value)) values.push(value)
}

/**
 * True when the profile is in scope for the dataflow (DESIGN.md section 6): it is a member
 * (realized) of a mapped audience after the update, or it exited one in this update.
 */
const isInScope = (before: Ups | undefined, after: Ups, prepared: PreparedActivation): boolean => {
  for (const { id } of prepared.mappedAudiences) {
    const to = statusIn(after, id)
    if (to === 'realized' || (to === 'exited' && statusIn(before, id) === 'realized')) return true
  }
  return false
}

/**
 * Decides whether one profile update is exported on one dataflow (DESIGN.md section 6; HTTP API
 * doc, "Profile export behavior"). Every applying reason is reported, segment changes first (in
 * mapping order), then the identity change, then the written mapped attributes. The payload's
 * memberships are the mapped audiences whose status changed plus the realized memberships sharing
 * a triggering merge policy; when an identity or attribute trigger applies, every mapped audience
 * the profile is a member of counts as triggering too.
 */
export function decideExport(update: ProfileUpdate, prepared: PreparedActivation): ExportDecision {
  const { before, after, writtenPaths } = update
  const beforeUps = before?.segmentMembership.ups
  const afterUps = after.segmentMembership.ups
  if (!isInScope(beforeUps, afterUps, prepared)) return { kind: 'out-of-scope' }

  const reasons: ExportReason[] = []
  const audienceIds: string[] = []
  const mergePolicyIds: string[] = []
  // The same memberships object (an update that changed no membership) changes no status.
  const changing = beforeUps === afterUps ? NONE : prepared.mappedAudiences
  for (const { id, mergePolicyId } of changing) {
    const from = statusIn(beforeUps, id)
    const to = statusIn(afterUps, id)
    if (!isStatusChange(from, to)) continue
    reasons.push({ trigger: 'segment', audienceId: id, from, to })
    audienceIds.push(id)
    addOnce(mergePolicyIds, mergePolicyId)
  }
  const segmentReasons = reasons.length

  if (before?.identityMap !== after.identityMap) {
    const added = identitiesMissingFrom(after.identityMap, before?.identityMap)
    const removed = identitiesMissingFrom(before?.identityMap, after.identityMap)
    if (added.length > 0 || removed.length > 0) {
      reasons.push({ trigger: 'identity', added, removed })
    }
  }

  for (const path of prepared.mappedAttributes) {
    if (writesPath(writtenPaths, path)) reasons.push({ trigger: 'attribute', path })
  }

  if (reasons.length === 0) return { kind: 'excluded', reason: 'no-relevant-change' }
  if (reasons.length > segmentReasons) {
    for (const { id, mergePolicyId } of prepared.mappedAudiences) {
      if (statusIn(afterUps, id) === 'realized') addOnce(mergePolicyIds, mergePolicyId)
    }
  }
  const payload = payloadWithData(after, prepared, { audienceIds, mergePolicyIds })
  if (!payload) return { kind: 'excluded', reason: 'no-mapped-data' }
  return { kind: 'export', reasons, payload }
}
