import type { Audience } from '../../src/contracts/audience'
import type { Membership, Profile, XdmObject } from '../../src/contracts/profile'
import { compilePql, parsePql } from './pql/pql'

/** An audience ready to evaluate: its PQL compiled once. */
export interface CompiledAudience {
  id: string
  mergePolicyId: string
  qualifies: (attributes: XdmObject) => boolean
}

export function compileAudience(audience: Audience): CompiledAudience {
  return {
    id: audience.id,
    mergePolicyId: audience.mergePolicyId,
    qualifies: compilePql(parsePql(audience.expression.value)),
  }
}

/**
 * Streaming segmentation of one profile: qualifying audiences become `realized`, audiences the
 * profile stops qualifying for become `exited`, each stamped with the evaluation time. Returns
 * the new memberships and the ids whose status changed (null when nothing changed).
 */
export function evaluateMemberships(
  profile: Pick<Profile, 'attributes' | 'segmentMembership'>,
  audiences: readonly CompiledAudience[],
  evaluatedAt: string,
): { ups: Record<string, Membership>; changed: string[] } | null {
  let ups: Record<string, Membership> | null = null
  const changed: string[] = []
  const current = profile.segmentMembership.ups
  for (const audience of audiences) {
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
