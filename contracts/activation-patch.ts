import type {
  GeneralTransform,
  JsonPatchOperation,
  ProfileSelector,
  SegmentSelector,
} from './flow-service'

/**
 * The JSON Patch documents (RFC 6902) of the activation workflow, as the Flow Service streaming
 * tutorial sends them to `PATCH /flows/{id}`: audiences and attributes are appended with `add` on
 * `.../selectors/-` and taken out with `remove` on `.../selectors/{index}`. Selectors that stay are
 * never touched, so the backend keeps their mapping timestamps.
 */

export const SEGMENT_SELECTORS = '/transformations/0/params/segmentSelectors/selectors'
export const PROFILE_SELECTORS = '/transformations/0/params/profileSelectors/selectors'

/** An audience to activate, as the segment selector names it. */
export interface ActivationAudience {
  id: string
  name: string
  description: string
}

/** What the activation workflow wants the dataflow to export. */
export interface ActivationTarget {
  audiences: readonly ActivationAudience[]
  /** Dotted XDM paths of the mapped attributes (`person.name.firstName`). */
  attributes: readonly string[]
}

export const segmentSelector = (audience: ActivationAudience): SegmentSelector => ({
  type: 'PLATFORM_SEGMENT',
  value: { id: audience.id, name: audience.name, description: audience.description },
})

export const profileSelector = (path: string): ProfileSelector => ({
  type: 'JSON_PATH',
  value: { path, operator: 'EXISTS' },
})

/** `remove` operations for the given indexes, highest first so the lower indexes stay valid. */
function removals(base: string, indexes: readonly number[]): JsonPatchOperation[] {
  return [...indexes]
    .sort((a, b) => b - a)
    .map((index) => ({ op: 'remove' as const, path: `${base}/${index}` }))
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * The operations that turn the dataflow's current selectors into `wanted`: removals first (by
 * index, descending), then additions (appended, in the order wanted lists them). Returns an empty
 * document when nothing changes.
 */
export function activationPatch(
  current: GeneralTransform,
  wanted: ActivationTarget,
): JsonPatchOperation[] {
  const segments = current.params.segmentSelectors.selectors
  const profiles = current.params.profileSelectors.selectors
  const wantedAudiences = uniqueBy(wanted.audiences, (a) => a.id)
  const wantedPaths = uniqueBy(wanted.attributes, (p) => p)
  const audienceIds = new Set(wantedAudiences.map((a) => a.id))
  const paths = new Set(wantedPaths)
  const mappedIds = new Set(segments.map((s) => s.value.id))
  const mappedPaths = new Set(profiles.map((p) => p.value.path))

  const segmentRemovals = segments.flatMap((s, i) => (audienceIds.has(s.value.id) ? [] : [i]))
  const profileRemovals = profiles.flatMap((p, i) => (paths.has(p.value.path) ? [] : [i]))
  return [
    ...removals(SEGMENT_SELECTORS, segmentRemovals),
    ...removals(PROFILE_SELECTORS, profileRemovals),
    ...wantedAudiences
      .filter((a) => !mappedIds.has(a.id))
      .map((a) => ({
        op: 'add' as const,
        path: `${SEGMENT_SELECTORS}/-`,
        value: segmentSelector(a),
      })),
    ...wantedPaths
      .filter((p) => !mappedPaths.has(p))
      .map((p) => ({
        op: 'add' as const,
        path: `${PROFILE_SELECTORS}/-`,
        value: profileSelector(p),
      })),
  ]
}

/** The operations that unmap the given audiences and keep everything else (Remove audiences). */
export function removeAudiencesPatch(
  current: GeneralTransform,
  audienceIds: Iterable<string>,
): JsonPatchOperation[] {
  const remove = new Set(audienceIds)
  const indexes = current.params.segmentSelectors.selectors.flatMap((s, i) =>
    remove.has(s.value.id) ? [i] : [],
  )
  return removals(SEGMENT_SELECTORS, indexes)
}

/** The audiences and attributes a dataflow exports now: where Edit activation starts from. */
export function currentActivation(current: GeneralTransform): ActivationTarget {
  return {
    audiences: current.params.segmentSelectors.selectors.map((s) => ({
      id: s.value.id,
      name: s.value.name ?? s.value.id,
      description: s.value.description ?? '',
    })),
    attributes: current.params.profileSelectors.selectors.map((p) => p.value.path),
  }
}
