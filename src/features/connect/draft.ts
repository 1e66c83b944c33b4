import { z } from 'zod'
import { SPEC_IDS, type ConnectionSpec } from '../../../contracts/connection-spec'
import {
  authParamsOf,
  type AuthDefinition,
  type DestinationDefinition,
} from '../../../contracts/destination-registry'
import { headerClashes } from '../../../contracts/destinations/headers'
import {
  createConnectionSchema,
  createTargetConnectionSchema,
  type Connection,
} from '../../../contracts/flow-service'
import { secretKeys, specDefaults } from '../../components/spec-form/spec-values'

/** What the connect wizard has collected so far; every step edits its own part. */
export interface ConnectDraft {
  account: {
    /** A new account with its credentials, or one saved before. */
    mode: 'new' | 'existing'
    existingId: string
    name: string
    description: string
    /** The auth spec of a new account (`auth.specName`), such as `Bearer token`. */
    specName: string
    params: Record<string, unknown>
  }
  details: { name: string; description: string; params: Record<string, unknown> }
  marketingActions: string[]
  alerts: string[]
}

/** The wizard's steps, in order, with their URL slugs. */
export const STEPS = [
  { id: 'authentication', label: 'Authentication' },
  { id: 'details', label: 'Destination details' },
  { id: 'governance', label: 'Marketing actions' },
  { id: 'alerts', label: 'Alerts' },
] as const

export type StepId = (typeof STEPS)[number]['id']

export const isStepId = (value: string | undefined): value is StepId =>
  STEPS.some((step) => step.id === value)

export const stepIndex = (id: StepId) => STEPS.findIndex((step) => step.id === id)

/** A fresh draft: the first authentication type with its defaults, empty names, nothing chosen. */
export function emptyDraft(spec: ConnectionSpec): ConnectDraft {
  const auth = spec.authSpec[0]
  return {
    account: {
      mode: 'new',
      existingId: '',
      name: '',
      description: '',
      specName: auth?.name ?? '',
      params: auth ? specDefaults(auth.spec) : {},
    },
    details: {
      name: '',
      description: '',
      params: spec.targetSpec ? specDefaults(spec.targetSpec.spec) : {},
    },
    marketingActions: [],
    alerts: [],
  }
}

export const findAuth = (destination: DestinationDefinition, specName: string) =>
  destination.auth.find((auth) => auth.name === specName)

/** The auth definition the draft's account uses: the chosen type, or the saved account's. */
export function draftAuth(
  destination: DestinationDefinition,
  account: ConnectDraft['account'],
  accounts: readonly Connection[] | undefined,
): AuthDefinition | undefined {
  if (account.mode === 'new') return findAuth(destination, account.specName)
  const saved = accounts?.find((a) => a.id === account.existingId)
  return saved?.auth ? findAuth(destination, saved.auth.specName) : undefined
}

/**
 * The zod schema of the whole draft, built from the destination's own auth and target schemas
 * and the API's input schemas for names and descriptions, so the wizard checks what the API
 * checks. `accounts` (the saved accounts of the destination, when loaded) lets it check that a
 * picked account exists and that custom headers do not clash with the account's authentication.
 */
export function draftSchema(
  destination: DestinationDefinition,
  accounts: readonly Connection[] | undefined,
) {
  const newAccount = z
    .object({
      mode: z.literal('new'),
      name: createConnectionSchema.shape.name,
      description: createConnectionSchema.shape.description,
      specName: z.string(),
      params: z.record(z.string(), z.unknown()),
    })
    .superRefine((account, ctx) => {
      const auth = findAuth(destination, account.specName)
      if (!auth) {
        ctx.addIssue({
          code: 'custom',
          path: ['specName'],
          message: 'Select an authentication type.',
        })
        return
      }
      const result = auth.schema.safeParse(authParamsOf(auth, account.params))
      if (result.success) return
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['params', ...issue.path], message: issue.message })
      }
    })
  const existingAccount = z.object({
    mode: z.literal('existing'),
    existingId: z
      .string()
      .min(1, 'Select an account.')
      .refine(
        (id) => accounts === undefined || accounts.some((a) => a.id === id),
        'This account no longer exists. Select another one.',
      ),
  })
  const target = destination.target?.schema ?? z.object({})
  return z
    .object({
      account: z.discriminatedUnion('mode', [newAccount, existingAccount]),
      details: z.object({
        name: createTargetConnectionSchema.shape.name,
        description: createTargetConnectionSchema.shape.description,
        params: target,
      }),
      marketingActions: z.array(z.string()),
      alerts: z.array(z.string()),
    })
    .superRefine((draft, ctx) => {
      if (destination.id !== SPEC_IDS.httpApi) return
      const authType = draftAuth(
        destination,
        draft.account as ConnectDraft['account'],
        accounts,
      )?.type
      for (const { message } of headerClashes(draft.details.params.headers, authType)) {
        ctx.addIssue({ code: 'custom', path: ['details', 'params', 'headers'], message })
      }
    })
}

export type DraftSchema = ReturnType<typeof draftSchema>

/** Whether the draft has problems in one of its parts (`account`, `details`, ...). */
export function sectionIssues(schema: DraftSchema, draft: ConnectDraft, section: string) {
  const result = schema.safeParse(draft)
  return result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === section)
}

/**
 * What a successful "Connect to destination" is tied to: the auth type and the credentials as
 * the API receives them. Changing either asks for a new check; null while they are invalid.
 */
export function credentialsFingerprint(
  destination: DestinationDefinition,
  account: ConnectDraft['account'],
): string | null {
  const auth = findAuth(destination, account.specName)
  const params = auth?.schema.safeParse(authParamsOf(auth, account.params))
  return params?.success ? JSON.stringify([account.specName, params.data]) : null
}

/** The result of the last successful credentials check. */
export interface CredentialsCheck {
  fingerprint: string
  message: string
}

/**
 * The furthest step the draft allows: Authentication until an account is picked or connected,
 * Destination details until they are valid, else the last step (marketing actions and alerts are
 * optional). Deep links further than this go back to it.
 */
export function reachableStep(
  schema: DraftSchema,
  destination: DestinationDefinition,
  draft: ConnectDraft,
  check: CredentialsCheck | null,
): StepId {
  const connected =
    draft.account.mode === 'existing' ||
    (check !== null && check.fingerprint === credentialsFingerprint(destination, draft.account))
  if (!connected || sectionIssues(schema, draft, 'account').length > 0) return 'authentication'
  if (sectionIssues(schema, draft, 'details').length > 0) return 'details'
  return 'alerts'
}

// Keeping the draft across reloads ----------------------------------------------------------

const storedSchema = z.object({
  draft: z.object({
    account: z.object({
      mode: z.enum(['new', 'existing']),
      existingId: z.string(),
      name: z.string(),
      description: z.string(),
      specName: z.string(),
      params: z.record(z.string(), z.unknown()),
    }),
    details: z.object({
      name: z.string(),
      description: z.string(),
      params: z.record(z.string(), z.unknown()),
    }),
    marketingActions: z.array(z.string()),
    alerts: z.array(z.string()),
  }),
  check: z.object({ fingerprint: z.string(), message: z.string() }).nullable(),
})

const storageKey = (sandbox: string, specId: string) => `connect-draft:${sandbox}:${specId}`

/** The draft kept for this sandbox and destination, or a fresh one. */
export function loadDraft(
  sandbox: string,
  spec: ConnectionSpec,
): { draft: ConnectDraft; check: CredentialsCheck | null } {
  const fresh = { draft: emptyDraft(spec), check: null }
  const text = sessionStorage.getItem(storageKey(sandbox, spec.id))
  if (text === null) return fresh
  try {
    const stored = storedSchema.safeParse(JSON.parse(text))
    return stored.success ? stored.data : fresh
  } catch {
    return fresh
  }
}

/**
 * Keeps the draft in this tab's session storage so a reload does not lose it. Secrets are left
 * out (they are typed again after a reload), and so is a credentials check that involved them.
 */
export function storeDraft(
  sandbox: string,
  spec: ConnectionSpec,
  draft: ConnectDraft,
  check: CredentialsCheck | null,
) {
  const secrets = new Set(spec.authSpec.flatMap((auth) => secretKeys(auth.spec)))
  const params = Object.fromEntries(
    Object.entries(draft.account.params).filter(([key]) => !secrets.has(key)),
  )
  const checkedAuth = spec.authSpec.find((auth) => auth.name === draft.account.specName)
  const keepCheck = checkedAuth !== undefined && secretKeys(checkedAuth.spec).length === 0
  const stored = {
    draft: { ...draft, account: { ...draft.account, params } },
    check: keepCheck ? check : null,
  }
  sessionStorage.setItem(storageKey(sandbox, spec.id), JSON.stringify(stored))
}

export function clearDraft(sandbox: string, specId: string) {
  sessionStorage.removeItem(storageKey(sandbox, specId))
}
