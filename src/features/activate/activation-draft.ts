import {
  activationPatch,
  currentActivation,
  type ActivationAudience,
} from '../../../contracts/activation-patch'
import {
  emptyGeneralTransform,
  type Flow,
  type GeneralTransform,
} from '../../../contracts/flow-service'

/** The steps of the streaming profile export workflow, by URL slug. */
export const ACTIVATION_STEPS = [
  { id: 'audiences', label: 'Select audiences' },
  { id: 'mapping', label: 'Mapping' },
  { id: 'review', label: 'Review' },
] as const

export type ActivationStep = (typeof ACTIVATION_STEPS)[number]['id']

/** The step a URL names (the first when none), or null for a slug the workflow does not have. */
export function activationStep(slug: string | undefined): ActivationStep | null {
  if (slug === undefined) return 'audiences'
  return ACTIVATION_STEPS.find((s) => s.id === slug)?.id ?? null
}

export const stepIndex = (step: ActivationStep) => ACTIVATION_STEPS.findIndex((s) => s.id === step)

/**
 * The workflow's state: what the user wants exported, and the dataflow version it started from.
 * Finish sends the difference from `base`, with `etag` in If-Match, so a dataflow changed meanwhile
 * is refused (412) instead of overwritten.
 */
export interface ActivationDraft {
  base: GeneralTransform
  etag: string
  audiences: ActivationAudience[]
  attributes: string[]
}

/** A draft that starts from what the dataflow exports now (Edit activation). */
export function draftFrom(flow: Flow): ActivationDraft {
  const base = structuredClone(flow.transformations[0] ?? emptyGeneralTransform())
  const { audiences, attributes } = currentActivation(base)
  return { base, etag: flow.etag, audiences: [...audiences], attributes: [...attributes] }
}

/** The JSON Patch document Finish sends: only the difference from the starting version. */
export const draftPatch = (draft: ActivationDraft) =>
  activationPatch(draft.base, { audiences: draft.audiences, attributes: draft.attributes })

/** What Finish changes, for the review: audiences and attributes added and removed. */
export function draftChanges(draft: ActivationDraft) {
  const before = currentActivation(draft.base)
  const beforeIds = new Set(before.audiences.map((a) => a.id))
  const afterIds = new Set(draft.audiences.map((a) => a.id))
  const beforePaths = new Set(before.attributes)
  const afterPaths = new Set(draft.attributes)
  return {
    addedAudiences: draft.audiences.filter((a) => !beforeIds.has(a.id)),
    removedAudiences: before.audiences.filter((a) => !afterIds.has(a.id)),
    addedAttributes: draft.attributes.filter((p) => !beforePaths.has(p)),
    removedAttributes: before.attributes.filter((p) => !afterPaths.has(p)),
  }
}

/**
 * Attributes that identify a person uniquely. The HTTP API documentation recommends mapping one
 * ("for example personalEmail.address") so the receiving system can match the exported profiles.
 */
export const UNIQUE_IDENTIFIERS = [
  'personalEmail.address',
  'workEmail.address',
  'mobilePhone.number',
  'homePhone.number',
  'userAccount.ID',
] as const

export const hasUniqueIdentifier = (attributes: readonly string[]) =>
  attributes.some((path) => UNIQUE_IDENTIFIERS.some((id) => id === path))
