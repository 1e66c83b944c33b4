import { SPEC_IDS } from '../../../contracts/connection-spec'
import { DEMO_CREDENTIALS, holdsDemoCredentials } from '../../../contracts/demo-credentials'
import {
  httpApiAuthSchema,
  type HttpApiAuth,
  type OAuth2Auth,
} from '../../../contracts/destinations/auth'
import {
  buildExportRequest,
  parseExportDestination,
} from '../../../contracts/destinations/export-request'
import {
  eventHubsTargetParamsSchema,
  httpApiTargetParamsSchema,
  kinesisTargetParamsSchema,
} from '../../../contracts/destinations/target'
import type { DestinationKind, SentHeader } from '../../../contracts/engine/exports'
import { receiverEndpoint } from '../../../contracts/engine/receiver'
import {
  enteredParams,
  type Connection,
  type TargetConnection,
} from '../../../contracts/flow-service'
import type { FlowDoc } from '../../store/collections'
import { prepareActivation, type PreparedActivation } from '../rules/export/prepare'
import type { AudienceSummary, MappedAudience } from '../rules/export/types'

/**
 * The headers of an HTTP export: as sent, and as shown (secrets masked), with the request as
 * recorded (without its body, the record's payload). Shared by every record sent with them.
 */
export interface ExportHeaders {
  actual: Readonly<Record<string, string>>
  sent: SentHeader[]
  request: { method: string; url: string; headers: SentHeader[] }
}

export type DeliveryTarget =
  | {
      kind: 'http'
      url: string
      /** The receiver's endpoint key (host and path). */
      endpoint: string
      /** OAuth accounts: the account's key in the token cache and its credentials. */
      oauth: { key: string; auth: OAuth2Auth } | null
      /** The headers for an access token (OAuth) or none; the same token gives the same object. */
      headers: (accessToken: string | null) => ExportHeaders
    }
  | { kind: 'kinesis'; name: string; region: string; accepted: boolean }
  | { kind: 'event-hubs'; name: string; namespace: string; accepted: boolean }
  /** The destination details or account cannot be used: every message fails with `reason`. */
  | { kind: 'invalid'; destination: DestinationKind; reason: string }

/** One executable dataflow compiled once: its activation rules and where it delivers. */
export interface FlowConfig {
  /** Changes whenever anything the config is built from changes. */
  key: string
  flowId: string
  enabled: boolean
  destination: DestinationKind
  prepared: PreparedActivation
  target: DeliveryTarget
}

const DESTINATION_OF_SPEC: Record<string, DestinationKind> = {
  [SPEC_IDS.httpApi]: 'http',
  [SPEC_IDS.kinesis]: 'kinesis',
  [SPEC_IDS.eventHubs]: 'event-hubs',
}

const AUTH_TYPE_OF_SPEC_NAME: Record<string, HttpApiAuth['type']> = {
  None: 'NONE',
  'Bearer token': 'BEARER',
  'OAuth 2 Password': 'OAUTH2_PASSWORD',
  'OAuth 2 Client Credentials': 'OAUTH2_CLIENT_CREDENTIALS',
}

/** What a dataflow is built from: the flow, its target connection and that one's account. */
export interface FlowSources {
  flow: FlowDoc
  target: TargetConnection | undefined
  account: Connection | undefined
  /** Every audience of the sandbox, and a version that changes when one is added. */
  audiences: ReadonlyMap<string, AudienceSummary>
  audiencesVersion: number
}

/** The key a config is cached under: it changes when the flow, target, account or audiences do. */
export const configKey = ({ flow, target, account, audiencesVersion }: FlowSources): string =>
  `${flow.etag}|${target?.etag ?? ''}|${account?.etag ?? ''}|${audiencesVersion}`

/** The destination a flow delivers to, or null when the engine does not run it (batch, source). */
export const destinationOf = (target: TargetConnection | undefined): DestinationKind | null =>
  (target && DESTINATION_OF_SPEC[target.connectionSpec.id]) ?? null

function httpTarget(target: TargetConnection, account: Connection | undefined): DeliveryTarget {
  const details = httpApiTargetParamsSchema.safeParse(target.params)
  if (!details.success) {
    return {
      kind: 'invalid',
      destination: 'http',
      reason: 'The destination details are not valid: edit the destination.',
    }
  }
  const type = AUTH_TYPE_OF_SPEC_NAME[account?.auth?.specName ?? '']
  const auth = httpApiAuthSchema.safeParse({
    type,
    params: enteredParams(account?.auth?.params ?? {}),
  })
  if (!account || !auth.success) {
    return {
      kind: 'invalid',
      destination: 'http',
      reason: 'The account of this destination has no usable credentials: edit the account.',
    }
  }
  const parsed = parseExportDestination(details.data, auth.data.type)
  if (!parsed.ok) return { kind: 'invalid', destination: 'http', reason: parsed.reason }
  const { destination } = parsed
  const build = (accessToken: string | undefined, maskSecrets: boolean) =>
    buildExportRequest({ destination, auth: auth.data, accessToken, body: {}, maskSecrets })
  const credentials = auth.data
  const oauth =
    credentials.type === 'OAUTH2_PASSWORD' || credentials.type === 'OAUTH2_CLIENT_CREDENTIALS'
      ? { key: `${account.id}|${account.etag}`, auth: credentials }
      : null
  let cached: { token: string | null; headers: ExportHeaders } | null = null
  return {
    kind: 'http',
    url: destination.url,
    endpoint: receiverEndpoint(destination.url),
    oauth,
    headers(accessToken) {
      if (cached?.token !== accessToken) {
        const actual = build(accessToken ?? undefined, false)
        const sent = build(accessToken ?? undefined, true)
        cached = {
          token: accessToken,
          headers: {
            actual: Object.fromEntries(actual.headers.map((h) => [h.name, h.value])),
            sent: sent.headers,
            request: { method: sent.method, url: sent.url, headers: sent.headers },
          },
        }
      }
      return cached.headers
    },
  }
}

function streamTarget(
  destination: 'kinesis' | 'event-hubs',
  target: TargetConnection,
  account: Connection | undefined,
): DeliveryTarget {
  const params = account?.auth?.params ?? {}
  if (destination === 'kinesis') {
    const details = kinesisTargetParamsSchema.safeParse(target.params)
    if (!details.success) {
      return { kind: 'invalid', destination, reason: 'The stream name is not valid.' }
    }
    return {
      kind: 'kinesis',
      name: details.data.stream,
      region: typeof params.region === 'string' ? params.region : 'us-east-1',
      accepted: holdsDemoCredentials(params, DEMO_CREDENTIALS.aws),
    }
  }
  const details = eventHubsTargetParamsSchema.safeParse(target.params)
  if (!details.success) {
    return { kind: 'invalid', destination, reason: 'The event hub name is not valid.' }
  }
  return {
    kind: 'event-hubs',
    name: details.data.eventHubName,
    namespace: typeof params.namespace === 'string' ? params.namespace : 'demo',
    accepted: holdsDemoCredentials(params, DEMO_CREDENTIALS.eventHubs),
  }
}

const togglesOf = (params: Record<string, unknown>) => ({
  includeSegmentNames: params.includeSegmentNames === true,
  includeSegmentTimestamps: params.includeSegmentTimestamps === true,
})

/**
 * Compiles a dataflow for the engine: its mapped audiences (with their mapping timestamps) and
 * attributes, the toggles, and the delivery target. Null for flows the engine does not run.
 */
export function compileFlowConfig(sources: FlowSources): FlowConfig | null {
  const { flow, target, account, audiences } = sources
  const destination = destinationOf(target)
  if (!target || !destination) return null
  const transform = flow.transformations[0]
  const mappedAudiences: MappedAudience[] = []
  for (const { value } of transform?.params.segmentSelectors.selectors ?? []) {
    const audience = audiences.get(value.id)
    if (!audience) continue
    mappedAudiences.push({
      ...audience,
      mappingCreatedAt: value.mappingCreatedAt ?? flow.createdAt,
      mappingUpdatedAt: value.mappingUpdatedAt ?? flow.updatedAt,
    })
  }
  const prepared = prepareActivation(
    {
      flowId: flow.id,
      mappedAudiences,
      mappedAttributes: (transform?.params.profileSelectors.selectors ?? []).map(
        (s) => s.value.path,
      ),
      ...togglesOf(target.params),
    },
    audiences,
  )
  return {
    key: configKey(sources),
    flowId: flow.id,
    enabled: flow.state === 'enabled',
    destination,
    prepared,
    target:
      destination === 'http'
        ? httpTarget(target, account)
        : streamTarget(destination, target, account),
  }
}
