import { z } from 'zod'
import { identityMapIssues } from '../../../contracts/identity-rules'
import type { IdentityMap } from '../../../contracts/profile'

/**
 * A new identity for a profile, checked by the shared identity rules on the map it would make: a
 * known namespace, a value of that namespace's form, not one the profile has already.
 */
export function addIdentitySchema(existing: IdentityMap) {
  return z
    .object({ namespace: z.string(), value: z.string() })
    .transform(({ namespace, value }) => ({ namespace: namespace.trim(), value: value.trim() }))
    .superRefine(({ namespace, value }, ctx) => {
      const identities = Object.hasOwn(existing, namespace) ? existing[namespace] : []
      const issues = identityMapIssues({ ...existing, [namespace]: [...identities, { id: value }] })
      const issueAt = (path: string) => issues.find((issue) => issue.path === path)?.message
      const namespaceProblem = namespace
        ? issueAt(`identityMap.${namespace}`)
        : 'Choose an identity namespace.'
      if (namespaceProblem) {
        ctx.addIssue({ code: 'custom', path: ['namespace'], message: namespaceProblem })
      }
      const valueProblem = value
        ? issueAt(`identityMap.${namespace}.${identities.length}.id`)
        : 'Enter the identity value.'
      if (valueProblem) ctx.addIssue({ code: 'custom', path: ['value'], message: valueProblem })
    })
}

export type AddIdentityInput = z.input<ReturnType<typeof addIdentitySchema>>
export type AddIdentity = z.output<ReturnType<typeof addIdentitySchema>>
