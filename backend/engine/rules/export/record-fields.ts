import type { IdentityMap } from '../../../../contracts/profile'
import type { ExportReason } from '../../../../contracts/engine/exports'
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
 * The audiences whose status changed or that were backfilled, in the reasons' order: those an
 * export concerns, for the Exports tab's audience filter, when it has such reasons.
 */
export function changedAudiences(reasons: readonly ExportReason[]): string[] {
  const ids: string[] = []
  for (const reason of reasons) {
    if (
      (reason.trigger === 'segment' || reason.trigger === 'backfill') &&
      !ids.includes(reason.audienceId)
    ) {
      ids.push(reason.audienceId)
    }
  }
  return ids
}

/** Sets of more mapped audiences than this are not keyed by bits. */
const MAX_KEYED_AUDIENCES = 30

/**
 * The mapped audiences the profile is realized in, as a set: bit i for mapped audience i; null
 * when the activation maps more audiences than a set can key.
 */
export function realizedSet(prepared: PreparedActivation, profile: ProfileState): number | null {
  const { ups } = profile.segmentMembership
  const mapped = prepared.mappedAudiences
  if (mapped.length > MAX_KEYED_AUDIENCES) return null
  let set = 0
  for (let index = 0; index < mapped.length; index++) {
    if (ups[mapped[index].id]?.status === 'realized') set |= 1 << index
  }
  return set
}

/** The ids of the mapped audiences in a set (see `realizedSet`), in mapping order. */
export const audiencesOfSet = (prepared: PreparedActivation, set: number): string[] =>
  prepared.mappedAudiences.filter((_, index) => (set & (1 << index)) !== 0).map(({ id }) => id)

/**
 * The mapped audiences the profile is realized in, in mapping order: those an identity or
 * attribute export concerns.
 */
export function realizedMappedAudiences(
  prepared: PreparedActivation,
  profile: ProfileState,
): string[] {
  const set = realizedSet(prepared, profile)
  if (set !== null) return audiencesOfSet(prepared, set)
  const { ups } = profile.segmentMembership
  return prepared.mappedAudiences
    .filter(({ id }) => ups[id]?.status === 'realized')
    .map(({ id }) => id)
}
