import type { IdentityMap, Membership, XdmObject, XdmValue } from '../../../../contracts/profile'
import type { AudienceEntryFields, PreparedActivation } from './prepare'
import type { ProfileState } from './types'
import { isXdmObject, readPath } from './xdm-path'

/** One exported `segmentMembership.ups` entry: the stored membership plus the toggles' fields. */
export type ExportedMembership = Membership & AudienceEntryFields

export interface ExportedSegmentMembership {
  ups: Record<string, ExportedMembership>
}

/** The exported identityMap: every identity, as `{ id }` like the docs' examples. */
export type ExportedIdentityMap = Record<string, { id: string }[]>

/**
 * The JSON sent for one profile (HTTP API doc, "Exported data"): the mapped attributes nested as
 * in XDM, then `segmentMembership`, then `identityMap`.
 */
export type ExportPayload = {
  [attribute: string]: XdmValue | ExportedSegmentMembership | ExportedIdentityMap
  segmentMembership: ExportedSegmentMembership
  identityMap: ExportedIdentityMap
}

/** Which of the profile's memberships go into `segmentMembership.ups`. */
export interface MembershipSelection {
  /** Mapped audiences included whatever their status: those whose status changed, or backfilled. */
  readonly audienceIds: readonly string[]
  /** Merge policies of the triggering mapped audiences: realized memberships under them go in. */
  readonly mergePolicyIds: readonly string[]
}

const cloneXdm = (value: XdmValue): XdmValue => {
  if (Array.isArray(value)) return value.map(cloneXdm)
  if (!isXdmObject(value)) return value
  const copy: XdmObject = {}
  for (const key in value) copy[key] = cloneXdm(value[key])
  return copy
}

const copyMappedAttributes = (
  attributes: XdmObject,
  paths: PreparedActivation['payloadPaths'],
): XdmObject => {
  const out: XdmObject = {}
  for (const segments of paths) {
    const value = readPath(attributes, segments)
    if (value === undefined || value === null) continue
    let target = out
    const last = segments.length - 1
    for (let index = 0; index < last; index++) {
      const segment = segments[index]
      const next = target[segment]
      if (isXdmObject(next)) {
        target = next
      } else {
        const created: XdmObject = {}
        target[segment] = created
        target = created
      }
    }
    target[segments[last]] = cloneXdm(value)
  }
  return out
}

const selectMemberships = (
  ups: ProfileState['segmentMembership']['ups'],
  prepared: PreparedActivation,
  selection: MembershipSelection,
): Record<string, ExportedMembership> => {
  const out: Record<string, ExportedMembership> = {}
  for (const id in ups) {
    const audience = prepared.audiences.get(id)
    if (audience === undefined) continue
    const { lastQualificationTime, status } = ups[id]
    const included =
      selection.audienceIds.includes(id) ||
      (status === 'realized' && selection.mergePolicyIds.includes(audience.mergePolicyId))
    if (!included) continue
    out[id] =
      audience.entryFields === null
        ? { lastQualificationTime, status }
        : { lastQualificationTime, status, ...audience.entryFields }
  }
  return out
}

const copyIdentities = (identityMap: IdentityMap): ExportedIdentityMap => {
  const out: ExportedIdentityMap = {}
  for (const namespace in identityMap) {
    out[namespace] = identityMap[namespace].map(({ id }) => ({ id }))
  }
  return out
}

/** True when the profile has an identity (DESIGN.md section 6: "`identityMap`: all identities"). */
const hasIdentity = (identityMap: IdentityMap): boolean => {
  for (const namespace in identityMap) if (identityMap[namespace].length > 0) return true
  return false
}

const isEmpty = (object: XdmObject): boolean => {
  for (const key in object) if (Object.hasOwn(object, key)) return false
  return true
}

/** The mapped attributes, then `segmentMembership` and `identityMap`. */
const assemble = (
  attributes: XdmObject,
  profile: ProfileState,
  prepared: PreparedActivation,
  selection: MembershipSelection,
): ExportPayload =>
  Object.assign(attributes, {
    segmentMembership: {
      ups: selectMemberships(profile.segmentMembership.ups, prepared, selection),
    },
    identityMap: copyIdentities(profile.identityMap),
  })

/**
 * Builds the exported JSON of one profile (DESIGN.md section 6, "The exported JSON contains"):
 * - only the mapped attributes the profile has, nested as in XDM; null or absent ones omitted, a
 *   mapped object path copied with its subtree;
 * - `segmentMembership.ups`: the selected mapped audiences, plus every realized membership whose
 *   audience shares a merge policy of the selection; each entry keeps `lastQualificationTime` and
 *   `status` as stored and adds the toggles' fields on mapped audiences only; memberships of
 *   audiences unknown to the sandbox are left out (their merge policy is unknown);
 * - `identityMap`: every identity of the profile, reduced to `{ id }` as in the docs' examples.
 */
export function buildPayload(
  profile: ProfileState,
  prepared: PreparedActivation,
  selection: MembershipSelection,
): ExportPayload {
  return assemble(
    copyMappedAttributes(profile.attributes, prepared.payloadPaths),
    profile,
    prepared,
    selection,
  )
}

/**
 * `buildPayload`, or null when the export would carry nothing: no mapped attribute value and no
 * identity. AEP skips such a profile for missing attributes.
 */
export function payloadWithData(
  profile: ProfileState,
  prepared: PreparedActivation,
  selection: MembershipSelection,
): ExportPayload | null {
  const attributes = copyMappedAttributes(profile.attributes, prepared.payloadPaths)
  if (isEmpty(attributes) && !hasIdentity(profile.identityMap)) return null
  return assemble(attributes, profile, prepared, selection)
}
