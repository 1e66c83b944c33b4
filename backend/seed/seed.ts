import { toIso, type Clock } from '../lib/clock'
import type { SandboxStore } from '../store/collections'
import { compileAudience, evaluateMemberships } from '../engine/rules/segmentation'
import { generateAudiences } from './data/audiences'
import { DEFAULT_PROFILE_COUNT, generateProfiles } from './data/profiles'

export const DEFAULT_SEED = 42

export interface SeedOptions {
  clock: Clock
  seed?: number
  profileCount?: number
}

/**
 * Fills a sandbox with the deterministic demo data: audiences, profiles with their memberships
 * already evaluated, and nothing else (no accounts, no dataflows: the user creates those).
 */
export function seedSandbox(sandbox: SandboxStore, options: SeedOptions): void {
  const now = options.clock.now()
  const seed = options.seed ?? DEFAULT_SEED
  const audiences = generateAudiences({ now })
  const compiled = audiences.map(compileAudience)
  const audienceStore = sandbox.collection('audiences')
  for (const audience of audiences) audienceStore.put(audience)
  const profileStore = sandbox.collection('profiles')
  const count = options.profileCount ?? DEFAULT_PROFILE_COUNT
  for (const profile of generateProfiles({ seed, count, now })) {
    const memberships = evaluateMemberships(profile, compiled, toIso(profile.updatedAt))
    profileStore.put(
      memberships ? { ...profile, segmentMembership: { ups: memberships.ups } } : profile,
    )
  }
  sandbox.collection('meta').put({ id: 'seed', seed, seededAt: now })
}

export const isSeeded = (sandbox: SandboxStore) => sandbox.collection('meta').has('seed')
