import type { Profile } from '../../contracts/profile'
import { buildPayload } from '../engine/rules/export/payload'
import { isXdmObject } from '../engine/rules/export/xdm-path'
import type { PreparedActivation } from '../engine/rules/export/prepare'
import { evaluateMemberships } from '../engine/rules/segmentation'
import type { SandboxEngine } from '../engine/runtime/sandbox-engine'
import { toIso } from '../lib/clock'
import { nextMacrotask } from '../lib/macrotask'
import { generateProfiles } from '../seed/data/profiles'

/**
 * Helpers for `npm run bench` (docs/engine.md, "Benchmark"), run inside the page through the
 * demo endpoints under `/demo/bench`, so they measure the main thread the engine runs on.
 */

/** Seed of the benchmark's profiles: far from the demo seed, so ids never collide. */
const BENCH_SEED = 90_210
/** Profiles generated and committed per step, so no task of the page runs long. */
const CHUNK = 5000

/**
 * Adds `count` profiles that qualify for "First name equals John" (their first name is set to
 * John), memberships evaluated, straight into the sandbox's store, one chunk and one commit at a
 * time. Returns their number.
 */
export async function seedQualifiedProfiles(
  engine: SandboxEngine,
  count: number,
  now: number,
  commit: () => Promise<void>,
): Promise<number> {
  const profiles = engine.sandbox.collection('profiles')
  const evaluatedAt = toIso(now)
  for (let start = 0; start < count; start += CHUNK) {
    const size = Math.min(CHUNK, count - start)
    for (const profile of generateProfiles({ seed: BENCH_SEED + start, count: size, now })) {
      const person = profile.attributes.person
      if (isXdmObject(person) && isXdmObject(person.name)) person.name.firstName = 'John'
      const evaluation = evaluateMemberships(profile, engine.audiences.compiled, evaluatedAt)
      profiles.put(
        evaluation ? { ...profile, segmentMembership: { ups: evaluation.ups } } : profile,
      )
    }
    await commit()
  }
  return count
}

/** The profiles a burst updates, in order: those realized in a mapped audience of the flow. */
function burstProfiles(profiles: readonly Profile[], prepared: PreparedActivation): Profile[] {
  const mapped = new Set(prepared.mappedAudiences.map((a) => a.id))
  return profiles.filter((p) =>
    Object.entries(p.segmentMembership.ups).some(
      ([id, m]) => mapped.has(id) && m.status === 'realized',
    ),
  )
}

/**
 * The bare loop the engine is compared with: build and serialize the payloads of a burst of
 * `count` updates (the same profiles in the same order as `updateBurst`), nothing else. Returns
 * how many and how long (ms).
 */
export function bareBuildAndSerialize(
  profiles: readonly Profile[],
  prepared: PreparedActivation,
  count: number,
): { count: number; ms: number; bytes: number } {
  const inScope = burstProfiles(profiles, prepared)
  const mapped = prepared.mappedAudiences
  const started = performance.now()
  let bytes = 0
  for (let done = 0; done < count && inScope.length > 0; done++) {
    const profile = inScope[done % inScope.length]
    const { ups } = profile.segmentMembership
    const audienceIds = mapped.filter((a) => ups[a.id]?.status === 'realized').map((a) => a.id)
    const mergePolicyIds = mapped
      .filter((a) => audienceIds.includes(a.id))
      .map((a) => a.mergePolicyId)
    bytes += JSON.stringify(buildPayload(profile, prepared, { audienceIds, mergePolicyIds })).length
  }
  return { count: inScope.length > 0 ? count : 0, ms: performance.now() - started, bytes }
}

/** Updates run per slice of the update burst before yielding to the event loop. */
const UPDATES_PER_SLICE = 500

/** One update of a burst: the profile and its JSON Patch. */
export interface BurstUpdate {
  profileId: string
  operations: unknown[]
}

/**
 * The updates a throughput burst cycles through, made before it starts (the client's side is
 * not what the benchmark measures): one per profile realized in a mapped audience, writing the
 * flow's first mapped attribute with the value it has (a same-value write still triggers an
 * export).
 */
export function burstUpdates(
  profiles: readonly Profile[],
  prepared: PreparedActivation,
): BurstUpdate[] {
  const attribute = prepared.mappedAttributes[0]
  if (!attribute) return []
  const keys = attribute.split('.')
  const path = `/attributes/${keys.join('/')}`
  return burstProfiles(profiles, prepared).map((profile) => {
    let value: unknown = profile.attributes
    for (const key of keys) value = isXdmObject(value) ? value[key] : undefined
    return { profileId: profile.id, operations: [{ op: 'add', path, value: value ?? 'bench' }] }
  })
}

/**
 * The throughput burst: `count` profile updates through the profile service, cycling through
 * `updates`, in slices that yield to the event loop. Resolves when every update has been
 * evaluated; the caller waits for the deliveries.
 */
export async function updateBurst(
  updates: readonly BurstUpdate[],
  count: number,
  update: (profileId: string, operations: unknown[]) => void,
): Promise<number> {
  if (!updates.length) return 0
  for (let done = 0; done < count;) {
    const end = Math.min(count, done + UPDATES_PER_SLICE)
    for (; done < end; done++) {
      const { profileId, operations } = updates[done % updates.length]
      update(profileId, operations)
    }
    await new Promise<void>((resolve) => nextMacrotask(resolve))
  }
  return count
}
