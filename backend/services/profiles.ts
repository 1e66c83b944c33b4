import {
  profilePatchSchema,
  type AccessEntities,
  type MembershipChange,
  type ProfileList,
  type ProfileListQuery,
  type ProfileSummary,
  type ProfileUpdateResult,
} from '../../contracts/engine/profiles'
import { profileListQuerySchema } from '../../contracts/engine/profiles'
import {
  identityMapSchema,
  type IdentityMap,
  type Profile,
  type XdmObject,
} from '../../contracts/profile'
import { identityMapIssues } from '../../contracts/identity-rules'
import { displayIdentity } from '../engine/rules/export/record-fields'
import { isXdmObject } from '../engine/rules/export/xdm-path'
import {
  applySimplePatch,
  identitiesChanged,
  isExactProfilePatch,
  writtenAttributePaths,
} from '../engine/rules/profile-patch'
import { evaluateMemberships } from '../engine/rules/segmentation'
import type { FieldError } from '../../contracts/problem'
import { problems } from '../http/problem'
import { parseWith, toFieldErrors } from '../http/route'
import { toIso } from '../lib/clock'
import type { SandboxStore } from '../store/collections'
import { sha256 } from '../seed/data/sha256'
import type { EngineContext } from './engine-context'
import { applyOperations } from './versioning'

/** The profile holding an identity (namespace codes compare in any case). */
function findByIdentity(sandbox: SandboxStore, namespace: string, id: string): Profile | undefined {
  const code = namespace.toLowerCase()
  for (const profile of sandbox.collection('profiles').values()) {
    for (const name in profile.identityMap) {
      if (name.toLowerCase() !== code) continue
      if (profile.identityMap[name].some((identity) => identity.id === id)) return profile
    }
  }
  return undefined
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

function nameOf(profile: Profile): string | null {
  const person = profile.attributes.person
  const name = person && typeof person === 'object' && !Array.isArray(person) ? person.name : null
  if (!name || typeof name !== 'object' || Array.isArray(name)) return null
  const full = [text(name.firstName), text(name.lastName)].filter(Boolean).join(' ')
  return full === '' ? null : full
}

function emailOf(profile: Profile): string | null {
  const email = profile.attributes.personalEmail
  return email && typeof email === 'object' && !Array.isArray(email) ? text(email.address) : null
}

export function summarizeProfile(profile: Profile): ProfileSummary {
  const identity = displayIdentity(profile.identityMap)
  const colon = identity.indexOf(':')
  return {
    id: profile.id,
    name: nameOf(profile),
    email: emailOf(profile),
    primaryIdentity:
      colon < 0 ? null : { namespace: identity.slice(0, colon), id: identity.slice(colon + 1) },
    identityCount: Object.values(profile.identityMap).reduce((n, list) => n + list.length, 0),
    audienceIds: Object.entries(profile.segmentMembership.ups)
      .filter(([, membership]) => membership.status === 'realized')
      .map(([id]) => id),
    updatedAt: profile.updatedAt,
  }
}

/**
 * Whether a profile's id, name, email or an identity value contains `term` (lower case); a term
 * written as the list shows an identity (`ecid: 4747…` or `ecid:4747…`) looks in that namespace.
 */
export function profileMatches(profile: Profile, term: string): boolean {
  if (profile.id.includes(term)) return true
  if (nameOf(profile)?.toLowerCase().includes(term)) return true
  if (emailOf(profile)?.toLowerCase().includes(term)) return true
  const qualified = /^([\w-]+):\s*(\S.*)$/.exec(term)
  for (const namespace in profile.identityMap) {
    const value = qualified && qualified[1] === namespace.toLowerCase() ? qualified[2] : term
    for (const { id } of profile.identityMap[namespace])
      if (id.toLowerCase().includes(value)) return true
  }
  return false
}

/** The ids of the profiles that `profileMatches` the search term. */
export function matchingProfileIds(sandbox: SandboxStore, search: string): Set<string> {
  const term = search.toLowerCase()
  const ids = new Set<string>()
  for (const profile of sandbox.collection('profiles').values()) {
    if (profileMatches(profile, term)) ids.add(profile.id)
  }
  return ids
}

export function listProfiles(ctx: EngineContext, query: ProfileListQuery): ProfileList {
  const { search, start, limit } = parseWith(profileListQuerySchema, query)
  const term = search.toLowerCase()
  const matching: Profile[] = []
  for (const profile of ctx.sandbox.collection('profiles').values()) {
    if (term === '' || profileMatches(profile, term)) matching.push(profile)
  }
  return {
    profiles: matching.slice(start, start + limit).map(summarizeProfile),
    page: { totalCount: matching.length, start, limit },
  }
}

export function getProfile(ctx: EngineContext, id: string): Profile {
  const found = ctx.sandbox.collection('profiles').get(id)
  if (!found) throw problems.notFound('profile', id)
  return found
}

/** Identity maps known to be valid: those `identityMapSchema` answered (nothing changes them). */
const checkedIdentityMaps = new WeakSet<object>()

/**
 * Checks what an update left: the attributes an object (any JSON value is an XDM value), the
 * identityMap an identity map. Errors name the field (`identityMap.ecid.2.id`). An identity map
 * the schema already answered (the update left it as it was) is not checked again.
 */
function checkEdited(edited: { attributes: unknown; identityMap: unknown }): {
  attributes: XdmObject
  identityMap: IdentityMap
} {
  const errors: FieldError[] = []
  if (!isXdmObject(edited.attributes)) {
    errors.push({ path: 'attributes', message: 'The attributes must be an object.' })
  }
  let identityMap: IdentityMap | null = null
  if (isXdmObject(edited.identityMap) && checkedIdentityMaps.has(edited.identityMap)) {
    identityMap = edited.identityMap as IdentityMap
  } else {
    const identities = identityMapSchema.safeParse(edited.identityMap)
    if (identities.success) {
      identityMap = identities.data
      checkedIdentityMaps.add(identityMap)
    } else {
      errors.push(...toFieldErrors(identities.error, 'identityMap'))
    }
  }
  if (!identityMap || !isXdmObject(edited.attributes)) throw problems.invalidBody(errors)
  return { attributes: edited.attributes, identityMap }
}

/**
 * A profile update (the Profiles screen, generated traffic): JSON Patch on the attributes and
 * identityMap, then streaming segmentation at once (`realized`/`exited` with the update's time as
 * `lastQualificationTime`), then the export decision on every enabled dataflow. A patch the
 * schema would output as it is skips the schema, and the common patches (`add` and `replace`
 * through existing objects) copy only what they write: the rest of the profile is shared with the
 * stored one, which is never changed in place. Attributes left as they were (a same-value write)
 * change no membership: memberships are always evaluated on the attributes they go with.
 */
export function updateProfile(ctx: EngineContext, id: string, body: unknown): ProfileUpdateResult {
  const current = getProfile(ctx, id)
  const operations = isExactProfilePatch(body) ? body : parseWith(profilePatchSchema, body)
  const editable = { attributes: current.attributes, identityMap: current.identityMap }
  const refused = ctx.patches.check(operations, editable)
  if (refused.length) throw problems.invalidBody(refused)
  const { attributes, identityMap } = checkEdited(
    applySimplePatch(editable, operations) ?? applyOperations(editable, operations),
  )
  // The identities an update writes are checked whole; a map it leaves alone is as it was stored.
  if (operations.some((operation) => operation.path.startsWith('/identityMap'))) {
    const issues = identityMapIssues(identityMap)
    if (issues.length) throw problems.invalidBody(issues)
  }
  const now = ctx.clock.now()
  const writtenPaths = writtenAttributePaths(operations, current.attributes, attributes)
  const evaluation =
    attributes === current.attributes
      ? null
      : evaluateMemberships(
          { attributes, segmentMembership: current.segmentMembership },
          ctx.engine.audiences.compiled,
          toIso(now),
          writtenPaths,
        )
  const next: Profile = {
    ...current,
    attributes,
    identityMap,
    segmentMembership: evaluation ? { ups: evaluation.ups } : current.segmentMembership,
    updatedAt: now,
  }
  ctx.sandbox.collection('profiles').put(next)
  const identityChanged = identitiesChanged(current.identityMap, identityMap)
  const memberships: MembershipChange[] = (evaluation?.changed ?? []).map((audienceId) => ({
    audienceId,
    from: current.segmentMembership.ups[audienceId]?.status ?? 'none',
    to: next.segmentMembership.ups[audienceId].status,
  }))
  const exports = ctx.events
    .publish({
      type: 'profile.written',
      sandbox: ctx.sandbox,
      before: current,
      after: next,
      writtenPaths,
    })
    .flat()
  return {
    profile: next,
    evaluation: { writtenPaths, identityChanged, memberships, exports },
  }
}

/**
 * The Profile Access API's lookup by identity (`GET /access/entities`): `entityIdNS` is the
 * namespace code; an `email` is also found through its `email_lc_sha256` hash; without a
 * namespace, `entityId` is the profile id.
 */
export function accessEntities(
  ctx: EngineContext,
  entityId: string,
  namespace: string | undefined,
): AccessEntities {
  const profiles = ctx.sandbox.collection('profiles')
  let profile = namespace
    ? findByIdentity(ctx.sandbox, namespace, entityId)
    : profiles.get(entityId)
  if (!profile && namespace?.toLowerCase() === 'email') {
    profile = findByIdentity(ctx.sandbox, 'email_lc_sha256', sha256(entityId.trim().toLowerCase()))
  }
  if (!profile) {
    throw problems.notFound(
      namespace ? `profile with the ${namespace} identity` : 'profile',
      entityId,
    )
  }
  return {
    [profile.id]: {
      entityId: profile.id,
      sources: ['ups'],
      entity: {
        ...profile.attributes,
        identityMap: profile.identityMap,
        segmentMembership: profile.segmentMembership,
      },
      lastModifiedAt: toIso(profile.updatedAt),
    },
  }
}
