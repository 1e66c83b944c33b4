import type { IdentityMap } from './profile'

/**
 * The identity namespaces of the demo sandbox and the form of their values (AEP checks an
 * identity's value against its namespace's type). The Profiles screen checks them at the field,
 * the profile API refuses what breaks them.
 */
export const IDENTITY_NAMESPACES: Record<string, { pattern: RegExp; form: string }> = {
  ecid: { pattern: /^\d{38}$/, form: 'An ECID is 38 digits.' },
  email: {
    pattern: /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/,
    form: 'Enter an email address, like name@example.com.',
  },
  email_lc_sha256: {
    pattern: /^[0-9a-f]{64}$/,
    form: 'A hashed email is the SHA-256 of the lower-case address: 64 hex digits, lower case.',
  },
  phone: {
    pattern: /^\+[1-9]\d{6,14}$/,
    form: 'Enter the number in E.164 form, like +14155550100.',
  },
  crmId: {
    pattern: /^[\w.:-]{1,128}$/,
    form: 'A CRM ID is 1 to 128 letters, digits, dots, colons, dashes or underscores.',
  },
}

const KNOWN = Object.keys(IDENTITY_NAMESPACES)

/** Why `namespace` is not one of the sandbox's identity namespaces, or null. */
export function namespaceIssue(namespace: string): string | null {
  return Object.hasOwn(IDENTITY_NAMESPACES, namespace)
    ? null
    : `Unknown identity namespace: use ${KNOWN.slice(0, -1).join(', ')} or ${KNOWN.at(-1)}.`
}

/** Why `id` is not a value of `namespace`, or null (the namespace itself is checked apart). */
export function identityValueIssue(namespace: string, id: string): string | null {
  const rule = Object.hasOwn(IDENTITY_NAMESPACES, namespace) ? IDENTITY_NAMESPACES[namespace] : null
  return rule && !rule.pattern.test(id) ? rule.form : null
}

/** What is wrong with an identity map, each with its path (`identityMap.ecid.1.id`). */
export function identityMapIssues(identityMap: IdentityMap): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = []
  let count = 0
  for (const [namespace, identities] of Object.entries(identityMap)) {
    const unknown = namespaceIssue(namespace)
    if (unknown) {
      issues.push({ path: `identityMap.${namespace}`, message: unknown })
      continue
    }
    const seen = new Set<string>()
    identities.forEach(({ id }, index) => {
      count++
      const path = `identityMap.${namespace}.${index}.id`
      const form = identityValueIssue(namespace, id)
      if (form) issues.push({ path, message: form })
      else if (seen.has(id)) {
        issues.push({ path, message: `The profile already has the ${namespace} identity ${id}.` })
      }
      seen.add(id)
    })
  }
  if (count === 0) {
    issues.push({ path: 'identityMap', message: 'A profile keeps at least one identity.' })
  }
  return issues
}
