import { isAncestorPath } from './xdm-path'
import type { Activation, AudienceSummary, MappedAudience } from './types'

/**
 * What a mapped audience adds to its `segmentMembership.ups` entry: `createdAt`, `updatedAt`,
 * `mappingCreatedAt`, `mappingUpdatedAt` with Include Segment Timestamps and `name` with Include
 * Segment Names (DESIGN.md section 6; the HTTP API doc's "Exported data" examples, same key order).
 */
export interface AudienceEntryFields {
  readonly createdAt?: number
  readonly updatedAt?: number
  readonly mappingCreatedAt?: number
  readonly mappingUpdatedAt?: number
  readonly name?: string
}

/** An audience as the hot path needs it. `entryFields` is null when the entry adds nothing. */
export interface PreparedAudience {
  readonly id: string
  readonly mergePolicyId: string
  readonly entryFields: AudienceEntryFields | null
}

/** An activation compiled once, so that nothing is split or looked up again per profile. */
export interface PreparedActivation {
  readonly flowId: string
  /** The mapped audiences, in mapping order, without duplicates. */
  readonly mappedAudiences: readonly PreparedAudience[]
  /** Every audience of the sandbox and every mapped audience, by id. */
  readonly audiences: ReadonlyMap<string, PreparedAudience>
  /** The mapped attribute dot paths, in mapping order, without duplicates. */
  readonly mappedAttributes: readonly string[]
  /**
   * The split paths the payload copies: a mapped path inside another mapped path is covered by
   * the outer one's subtree, so only the outermost are kept, in order of first mention.
   */
  readonly payloadPaths: readonly (readonly string[])[]
}

const entryFieldsOf = (
  audience: MappedAudience,
  activation: Activation,
): AudienceEntryFields | null => {
  const { includeSegmentNames: names, includeSegmentTimestamps: timestamps } = activation
  if (!names && !timestamps) return null
  const timestampFields = timestamps
    ? {
        createdAt: audience.createdAt,
        updatedAt: audience.updatedAt,
        mappingCreatedAt: audience.mappingCreatedAt,
        mappingUpdatedAt: audience.mappingUpdatedAt,
      }
    : {}
  return names ? { ...timestampFields, name: audience.name } : timestampFields
}

const outermostPaths = (paths: readonly string[]): string[] => {
  const isOutermost = (path: string) => !paths.some((other) => isAncestorPath(other, path))
  const outermost: string[] = []
  for (const path of paths) {
    const cover = paths.find((other) => isOutermost(other) && isAncestorPath(other, path)) ?? path
    if (!outermost.includes(cover)) outermost.push(cover)
  }
  return outermost
}

/**
 * Compiles one dataflow's activation against the sandbox's audiences (DESIGN.md section 9: the
 * engine runs per profile at backfill scale, so per-activation work is done here, once). Unmapped
 * audiences never carry a `name` or timestamps; a mapped audience's own data wins over the
 * sandbox's.
 */
export function prepareActivation(
  activation: Activation,
  audiences: ReadonlyMap<string, AudienceSummary>,
): PreparedActivation {
  const byId = new Map<string, PreparedAudience>()
  for (const audience of audiences.values()) {
    byId.set(audience.id, {
      id: audience.id,
      mergePolicyId: audience.mergePolicyId,
      entryFields: null,
    })
  }
  const mappedAudiences: PreparedAudience[] = []
  for (const audience of activation.mappedAudiences) {
    if (mappedAudiences.some((mapped) => mapped.id === audience.id)) continue
    const prepared = {
      id: audience.id,
      mergePolicyId: audience.mergePolicyId,
      entryFields: entryFieldsOf(audience, activation),
    }
    mappedAudiences.push(prepared)
    byId.set(audience.id, prepared)
  }
  const mappedAttributes = [...new Set(activation.mappedAttributes)]
  return {
    flowId: activation.flowId,
    mappedAudiences,
    audiences: byId,
    mappedAttributes,
    payloadPaths: outermostPaths(mappedAttributes).map((path) => path.split('.')),
  }
}
