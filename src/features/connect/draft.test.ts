import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import {
  SPEC_IDS,
  type ConnectionSpec,
  type JsonSchemaObject,
} from '../../../contracts/connection-spec'
import { findDestination } from '../../../contracts/destination-catalog'
import type { DestinationDefinition } from '../../../contracts/destination-registry'
import type { Connection } from '../../../contracts/flow-service'
import {
  clearDraft,
  credentialsFingerprint,
  draftSchema,
  emptyDraft,
  loadDraft,
  reachableStep,
  sectionIssues,
  storeDraft,
  type ConnectDraft,
} from './draft'

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input' }) as unknown as JsonSchemaObject

/** The connection spec the backend serves for a destination (its forms as JSON Schema). */
function specOf(destination: DestinationDefinition): ConnectionSpec {
  return {
    id: destination.id,
    name: destination.name,
    providerId: 'adobe',
    version: '1.0',
    description: destination.description,
    logo: destination.logo,
    attributes: {
      isSource: false,
      isDestination: true,
      category: destination.category,
      frequency: destination.frequency,
      connectionType: destination.connectionType,
      supportsAudiences: true,
      supportsDatasets: false,
    },
    authSpec: destination.auth.map((a) => ({
      name: a.name,
      type: a.type,
      spec: jsonSchema(a.schema),
    })),
    targetSpec: destination.target
      ? { name: destination.target.name, type: 'json', spec: jsonSchema(destination.target.schema) }
      : null,
  }
}

const http = findDestination(SPEC_IDS.httpApi)!
const httpSpec = specOf(http)

const savedAccount = (id: string, specName: string, params: Record<string, unknown>) =>
  ({
    id,
    name: 'Saved',
    description: '',
    connectionSpec: { id: SPEC_IDS.httpApi, version: '1.0' },
    state: 'enabled',
    auth: { specName, params },
  }) as Connection

function draft(change: (d: ConnectDraft) => void = () => {}): ConnectDraft {
  const d = emptyDraft(httpSpec)
  d.account.name = 'Acme'
  d.account.specName = 'Bearer token'
  d.account.params = { token: 'secret-token' }
  d.details.name = 'Acme webhook'
  d.details.params = { ...d.details.params, httpEndpoint: 'https://hooks.example/acme' }
  change(d)
  return d
}

const withHeader = (x: ConnectDraft) => {
  x.details.params.headers = 'Authorization: Basic a'
}

const paths = (d: ConnectDraft, section: string, accounts?: Connection[]) =>
  sectionIssues(draftSchema(http, accounts), d, section).map((i) => i.path.join('.'))

describe('emptyDraft', () => {
  it('starts with a new account of the first authentication type and the spec defaults', () => {
    expect(emptyDraft(httpSpec)).toEqual({
      account: {
        mode: 'new',
        existingId: '',
        name: '',
        description: '',
        specName: 'None',
        params: {},
      },
      details: {
        name: '',
        description: '',
        params: {
          headers: '',
          httpEndpoint: '',
          queryParameters: '',
          includeSegmentNames: false,
          includeSegmentTimestamps: false,
        },
      },
      marketingActions: [],
      alerts: [],
    })
  })
})

describe('draftSchema', () => {
  it('accepts a complete draft', () => {
    expect(draftSchema(http, []).safeParse(draft()).success).toBe(true)
  })

  it('checks the new account with the chosen authentication type’s schema', () => {
    const d = draft((x) => {
      x.account.name = ' '
      x.account.specName = 'OAuth 2 Client Credentials'
      x.account.params = { accessTokenUrl: 'https://auth.example/t?a=1&b=2', clientId: 'c' }
    })
    expect(paths(d, 'account')).toEqual([
      'account.name',
      'account.params.accessTokenUrl',
      'account.params.clientSecret',
      'account.params.clientCredentialsType',
    ])
  })

  it('needs an existing account that exists, once the accounts are loaded', () => {
    const existing = draft((x) => {
      x.account.mode = 'existing'
      x.account.existingId = 'acc-1'
    })
    expect(paths(existing, 'account')).toEqual([])
    expect(paths(existing, 'account', [])).toEqual(['account.existingId'])
    expect(paths(existing, 'account', [savedAccount('acc-1', 'Bearer token', {})])).toEqual([])
    expect(
      paths(
        draft((x) => (x.account.mode = 'existing')),
        'account',
      ),
    ).toEqual(['account.existingId'])
  })

  it('reports header problems on the headers field', () => {
    const d = draft((x) => (x.details.params.headers = 'x-team'))
    const issues = sectionIssues(draftSchema(http, []), d, 'details')
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['details.params.headers', '`x-team` has no value'],
    ])
  })

  it('refuses an Authorization header when the account’s authentication sets it', () => {
    expect(paths(draft(withHeader), 'details')).toEqual(['details.params.headers'])
    const none = draft((x) => {
      withHeader(x)
      x.account.specName = 'None'
      x.account.params = {}
    })
    expect(paths(none, 'details')).toEqual([])
    const existingOAuth = draft((x) => {
      withHeader(x)
      x.account.mode = 'existing'
      x.account.existingId = 'acc-1'
    })
    const accounts = [savedAccount('acc-1', 'OAuth 2 Password', {})]
    expect(paths(existingOAuth, 'details', accounts)).toEqual(['details.params.headers'])
  })
})

describe('credentialsFingerprint', () => {
  it('ties a check to the auth type and the credentials as the API receives them', () => {
    const account = draft().account
    const trimmed = { ...account, params: { token: '  secret-token ' } }
    expect(credentialsFingerprint(http, trimmed)).toBe(credentialsFingerprint(http, account))
    expect(credentialsFingerprint(http, { ...account, params: { token: 'other' } })).not.toBe(
      credentialsFingerprint(http, account),
    )
    expect(credentialsFingerprint(http, { ...account, name: 'Renamed' })).toBe(
      credentialsFingerprint(http, account),
    )
  })

  it('is null while the credentials are invalid', () => {
    expect(credentialsFingerprint(http, { ...draft().account, params: {} })).toBeNull()
  })
})

describe('reachableStep', () => {
  const schema = draftSchema(http, [])
  const checked = (d: ConnectDraft) => ({
    fingerprint: credentialsFingerprint(http, d.account)!,
    message: 'Connected',
  })

  it('stays on Authentication until the credentials are connected', () => {
    const d = draft()
    expect(reachableStep(schema, http, d, null)).toBe('authentication')
    expect(reachableStep(schema, http, d, { fingerprint: 'old', message: '' })).toBe(
      'authentication',
    )
    expect(reachableStep(schema, http, d, checked(d))).toBe('alerts')
  })

  it('stops at Destination details while they are invalid', () => {
    const d = draft((x) => (x.details.params.httpEndpoint = 'not a url'))
    expect(reachableStep(schema, http, d, checked(d))).toBe('details')
  })

  it('needs no check for an existing account', () => {
    const d = draft((x) => {
      x.account.mode = 'existing'
      x.account.existingId = 'acc-1'
    })
    const accounts = [savedAccount('acc-1', 'Bearer token', {})]
    expect(reachableStep(draftSchema(http, accounts), http, d, null)).toBe('alerts')
  })
})

describe('loadDraft and storeDraft', () => {
  beforeEach(() => {
    const items = new Map<string, string>()
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
      removeItem: (key: string) => items.delete(key),
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('gives a fresh draft when nothing is stored, or something unreadable', () => {
    expect(loadDraft('prod', httpSpec)).toEqual({ draft: emptyDraft(httpSpec), check: null })
    sessionStorage.setItem(`connect-draft:prod:${SPEC_IDS.httpApi}`, '{not json')
    expect(loadDraft('prod', httpSpec).draft).toEqual(emptyDraft(httpSpec))
  })

  it('keeps the draft per sandbox and destination, without secrets', () => {
    const d = draft()
    storeDraft('prod', httpSpec, d, { fingerprint: 'f', message: 'Connected' })
    const loaded = loadDraft('prod', httpSpec)
    expect(loaded.draft).toEqual({ ...d, account: { ...d.account, params: {} } })
    expect(loaded.check).toBeNull()
    expect(loadDraft('dev', httpSpec).draft).toEqual(emptyDraft(httpSpec))
  })

  it('keeps the check of an authentication without secrets', () => {
    const d = draft((x) => {
      x.account.specName = 'None'
      x.account.params = {}
    })
    storeDraft('prod', httpSpec, d, { fingerprint: 'f', message: 'Connected' })
    expect(loadDraft('prod', httpSpec).check).toEqual({ fingerprint: 'f', message: 'Connected' })
  })

  it('forgets the draft when cleared', () => {
    storeDraft('prod', httpSpec, draft(), null)
    clearDraft('prod', SPEC_IDS.httpApi)
    expect(loadDraft('prod', httpSpec).draft).toEqual(emptyDraft(httpSpec))
  })
})
