import { z } from 'zod'
import {
  DEMO_CREDENTIALS,
  holdsDemoCredentials,
  type CredentialCheck,
} from '../../contracts/demo-credentials'
import type { OAuth2Auth } from '../../contracts/destinations/auth'
import {
  buildTokenRequest,
  describeTokenError,
  parseTokenResponse,
  TOKEN_TIMEOUT_MS,
} from '../engine/rules/token-request'
import { authSchema, enteredParams, type Connection } from '../../contracts/flow-service'
import type { FieldError } from '../../contracts/problem'
import { Problem, problems } from '../http/problem'
import { parseWith } from '../http/route'
import type { Clock } from '../lib/clock'
import type { SandboxStore } from '../store/collections'
import type { Outbound } from '../receiver/outbound'
import { authDefinition } from './specs'

const rejected = (detail: string, fields: FieldError[]) =>
  new Problem(400, 'FLOW-1420-400', 'Credentials rejected', detail, fields)

const unreachable = (detail: string) =>
  new Problem(400, 'FLOW-1421-400', 'Token server unreachable', detail)

const fieldsFor = (error: string): FieldError[] => {
  if (error === 'invalid_client') {
    return ['clientId', 'clientSecret'].map((key) => ({
      path: `auth.params.${key}`,
      message: 'The token server rejected the client ID or client secret.',
    }))
  }
  if (error === 'invalid_grant') {
    return ['username', 'password'].map((key) => ({
      path: `auth.params.${key}`,
      message: 'The token server rejected the username or password.',
    }))
  }
  return []
}

async function checkOAuth(
  auth: OAuth2Auth,
  outbound: Outbound,
  sandbox: SandboxStore,
): Promise<string> {
  const request = buildTokenRequest(auth)
  const result = await outbound.request(request, { timeoutMs: TOKEN_TIMEOUT_MS, sandbox })
  if (result.kind === 'timeout') {
    throw unreachable(
      `The token server at ${request.url} did not answer within ${TOKEN_TIMEOUT_MS / 1000} seconds.`,
    )
  }
  if (result.kind === 'network-error')
    throw unreachable(`The token request failed: ${result.message}`)
  const parsed = parseTokenResponse(result.status, result.body)
  if (!parsed.ok) throw rejected(describeTokenError(parsed), fieldsFor(parsed.error))
  const lifetime = parsed.expiresIn === null ? '' : ` valid for ${parsed.expiresIn} seconds`
  return `Connected: ${new URL(request.url).host} issued a ${parsed.tokenType} token${lifetime}.`
}

/**
 * Tests a saved account (`GET /connections/{id}/test`) with the same check as "Connect to
 * destination": `result` is false, with the reason, when the credentials are refused.
 */
export async function testConnection(
  deps: { clock: Clock; outbound: Outbound; sandbox: SandboxStore },
  connection: Connection,
): Promise<{ result: boolean; message: string }> {
  if (!connection.auth) return { result: true, message: 'The account needs no credentials.' }
  try {
    const check = await checkCredentials(deps, connection.connectionSpec.id, {
      auth: { ...connection.auth, params: enteredParams(connection.auth.params) },
    })
    return { result: true, message: check.message }
  } catch (error) {
    if (error instanceof Problem && error.status === 400) {
      return { result: false, message: error.detail }
    }
    throw error
  }
}

/**
 * "Connect to destination": validates the credentials of an account before it is saved. OAuth
 * accounts really request a token from their Access Token URL; keys of the cloud destinations are
 * checked against the demo rules.
 */
export async function checkCredentials(
  { clock, outbound, sandbox }: { clock: Clock; outbound: Outbound; sandbox: SandboxStore },
  specId: string,
  body: unknown,
): Promise<CredentialCheck> {
  const { auth } = parseWith(z.strictObject({ auth: authSchema }), body)
  const definition = authDefinition(specId, auth.specName)
  const params: Record<string, unknown> = parseWith(definition.schema, auth.params, 'auth.params')
  const done = (message: string): CredentialCheck => ({
    status: 'connected',
    checkedAt: clock.now(),
    message,
  })
  switch (definition.type) {
    case 'NONE':
      return done('No authentication: the connection to your endpoint is established.')
    case 'BEARER':
      return done('The bearer token is sent in the Authorization header of every export.')
    case 'OAUTH2_PASSWORD':
    case 'OAUTH2_CLIENT_CREDENTIALS':
      return done(
        await checkOAuth({ type: definition.type, params } as OAuth2Auth, outbound, sandbox),
      )
    case 'KINESIS':
    case 'S3': {
      const expected = definition.type === 'S3' ? DEMO_CREDENTIALS.s3 : DEMO_CREDENTIALS.aws
      if (!holdsDemoCredentials(params, expected)) {
        throw rejected(
          'The security token included in the request is invalid (UnrecognizedClientException). Check the access key ID and secret key.',
          Object.keys(expected).map((key) => ({
            path: `auth.params.${key}`,
            message: 'AWS did not accept this key.',
          })),
        )
      }
      return done('Connected: AWS accepted the access key.')
    }
    case 'EVENT_HUBS':
      if (!holdsDemoCredentials(params, DEMO_CREDENTIALS.eventHubs)) {
        throw rejected(
          'Unauthorized: InvalidSignature. The SAS key name or SAS key is not valid for this namespace.',
          ['sasKeyName', 'sasKey'].map((key) => ({
            path: `auth.params.${key}`,
            message: 'Azure did not accept this shared access key.',
          })),
        )
      }
      return done(
        `Connected: the Event Hubs namespace ${String(params.namespace)} accepted the shared access key.`,
      )
    case 'SFTP_WITH_PASSWORD':
      if (!holdsDemoCredentials(params, DEMO_CREDENTIALS.sftp)) {
        throw rejected(
          'Authentication failed: the SFTP server rejected the username or password.',
          [{ path: 'auth.params.password', message: 'The SFTP server rejected this password.' }],
        )
      }
      return done(`Connected: ${String(params.domain)} accepted the login.`)
    default:
      throw problems.internal(`No credential check exists for auth type '${definition.type}'.`)
  }
}
