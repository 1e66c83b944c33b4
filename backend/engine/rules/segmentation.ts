import type { Audience } from '../../../contracts/audience'
import type { Membership, Profile, XdmObject } from '../../../contracts/profile'
import { pathsOverlap } from './export/xdm-path'
import { compilePql, parsePql, pqlPaths } from './pql/pql'

/** An audience ready to evaluate: its PQL compiled once, and the attribute paths it reads. */
export interface CompiledAudience {
  id: string
  mergePolicyId: string
  qualifies: (attributes: XdmObject) => boolean
  paths: readonly string[]
}

export function compileAudience(audience: Audience): CompiledAudience {
  const ast = parsePql(audience.expression.value)
  return {
    id: audience.id,
    mergePolicyId: audience.mergePolicyId,
    qualifies: compilePql(ast),
    paths: pqlPaths(ast),
  }
}

/** Whether writing these attribute paths can change what the audience's PQL reads. */
const reads = (audience: CompiledAudience, writtenPaths: readonly string[]): boolean => {
  for (const written of writtenPaths) {
    for (const path of audience.paths) if (pathsOverlap(written, path)) return true
  }
  return false
}

/**
 * Streaming segmentation of one profile: qualifying audiences become `realized`, audiences the
 * profile stops qualifying for become `exited`, each stamped with the evaluation time. Returns
 * the new memberships and the ids whose status changed (null when nothing changed).
 *
 * With `writtenPaths` (an update's written attribute paths, when the memberships were evaluated
 * on the attributes before it), only the audiences reading one of them are evaluated: the PQL
 * reads nothing but attributes, so the others qualify as they did.
 */
export function evaluateMemberships(
  profile: Pick<Profile, 'attributes' | 'segmentMembership'>,
  audiences: readonly CompiledAudience[],
  evaluatedAt: string,
  writtenPaths?: readonly string[],
): { ups: Record<string, Membership>; changed: string[] } | null {
  let ups: Record<string, Membership> | null = null
  const changed: string[] = []
  const current = profile.segmentMembership.ups
  for (const audience of audiences) {
    if (writtenPaths && !reads(audience, writtenPaths)) continue
    const qualifies = audience.qualifies(profile.attributes)
    const status = current[audience.id]?.status
    let next: Membership | null = null
    if (qualifies && status !== 'realized')
      next = { status: 'realized', lastQualificationTime: evaluatedAt }
    if (!qualifies && status === 'realized')
      next = { status: 'exited', lastQualificationTime: evaluatedAt }
    if (next) {
      ups ??= { ...current }
      ups[audience.id] = next
      changed.push(audience.id)
    }
  }
  return ups ? { ups, changed } : null
}
