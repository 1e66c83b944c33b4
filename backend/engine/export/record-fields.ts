import type { IdentityMap } from '../../../src/contracts/profile'
import type { ExportReason } from './decide'
import type { PreparedActivation } from './prepare'
import type { ProfileState } from './types'

/**
 * The identity a record shows and is searched by: the primary one as `namespace:id`, else the
 * first identity of the first namespace, else ''.
 */
export function displayIdentity(identityMap: IdentityMap): string {
  let first = ''
  for (const namespace in identityMap) {
    for (const identity of identityMap[namespace]) {
      if (identity.primary) return `${namespace}:${identity.id}`
      if (first === '') first = `${namespace}:${identity.id}`
    }
  }
  return first
}

/**
 * The mapped audiences an export concerns, for the Exports tab's audience filter: those whose
 * status changed or that were backfilled; for an identity or attribute export, the mapped
 * audiences the profile is realized in.
 */
export function concernedAudiences(
  reasons: readonly ExportReason[],
  prepared: PreparedActivation,
  profile: ProfileState,
): string[] {
  const ids: string[] = []
  for (const reason of reasons) {
    if (
      (reason.trigger === 'segment' || reason.trigger === 'backfill') &&
      !ids.includes(reason.audienceId)
    ) {
      ids.push(reason.audienceId)
    }
  }
  if (ids.length > 0) return ids
  const { ups } = profile.segmentMembership
  for (const { id } of prepared.mappedAudiences) {
    if (ups[id]?.status === 'realized') ids.push(id)
  }
  return ids
}
