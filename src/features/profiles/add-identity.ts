import { z } from 'zod'
import { identityValueIssue, namespaceIssue } from '../../../contracts/identity-rules'
import type { IdentityMap } from '../../../contracts/profile'

/**
 * A new identity for a profile: a known namespace, a value of that namespace's form (the shared
 * identity rules), and not one the profile has already.
 */
export function addIdentitySchema(existing: IdentityMap) {
  return z
    .object({ namespace: z.string(), value: z.string() })
    .transform(({ namespace, value }) => ({ namespace: namespace.trim(), value: value.trim() }))
    .superRefine(({ namespace, value }, ctx) => {
      const namespaceProblem = namespace
        ? namespaceIssue(namespace)
        : 'Choose an identity namespace.'
      if (namespaceProblem) {
        ctx.addIssue({ code: 'custom', path: ['namespace'], message: namespaceProblem })
      }
      const valueProblem = !value
        ? 'Enter the identity value.'
        : (identityValueIssue(namespace, value) ??
          (existing[namespace]?.some((identity) => identity.id === value)
            ? `The profile already has the ${namespace} identity ${value}.`
            : null))
      if (valueProblem) ctx.addIssue({ code: 'custom', path: ['value'], message: valueProblem })
    })
}

export type AddIdentityInput = z.input<ReturnType<typeof addIdentitySchema>>
export type AddIdentity = z.output<ReturnType<typeof addIdentitySchema>>
