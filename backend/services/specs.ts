import { z } from 'zod'
import {
  FLOW_SPEC_IDS,
  SPEC_IDS,
  type ConnectionSpec,
  type FlowSpec,
  type JsonSchemaObject,
} from '../../contracts/connection-spec'
import { destinationCatalog, findDestination } from '../../contracts/destination-catalog'
import type { AuthDefinition } from '../../contracts/destination-registry'
import type { Connection } from '../../contracts/flow-service'
import { problems } from '../http/problem'
import type { SecretsOf } from '../store/sealed-persistence'

const ADOBE_PROVIDER = '521eee4d-8cbe-4906-bb48-fb6bd4450033'

const toJsonSchema = (schema: z.ZodType): JsonSchemaObject => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<
    string,
    unknown
  >
  return rest as JsonSchemaObject
}

const destinationSpecs: ConnectionSpec[] = destinationCatalog.map((d) => ({
  id: d.id,
  name: d.name,
  providerId: ADOBE_PROVIDER,
  version: '1.0',
  description: d.description,
  logo: d.logo,
  attributes: {
    isSource: false,
    isDestination: true,
    category: d.category,
    frequency: d.frequency,
    connectionType: d.connectionType,
    documentationUrl: d.documentationUrl,
    supportsAudiences: d.supportsAudiences,
    supportsDatasets: d.supportsDatasets,
  },
  authSpec: d.auth.map((a) => ({ name: a.name, type: a.type, spec: toJsonSchema(a.schema) })),
  targetSpec: d.target
    ? { name: d.target.name, type: 'json', spec: toJsonSchema(d.target.schema) }
    : null,
}))

const emptyObject: JsonSchemaObject = { type: 'object', properties: {} }

const sourceSpecs: ConnectionSpec[] = [
  {
    id: SPEC_IDS.profileStore,
    name: 'Profile Store',
    providerId: ADOBE_PROVIDER,
    version: '1.0',
    description:
      'The Real-Time Customer Profile store, the source of every profile-based destination.',
    logo: '/logos/profile-store.svg',
    attributes: {
      isSource: true,
      isDestination: false,
      category: 'Adobe applications',
      frequency: 'Streaming',
      connectionType: 'Profile-based',
      supportsAudiences: true,
      supportsDatasets: false,
    },
    authSpec: [],
    targetSpec: null,
  },
  {
    id: SPEC_IDS.httpApiSource,
    name: 'HTTP API',
    providerId: ADOBE_PROVIDER,
    version: '1.0',
    description:
      'Stream data into Experience Platform through an HTTP API endpoint (streaming inlet).',
    logo: '/logos/http-api.svg',
    attributes: {
      isSource: true,
      isDestination: false,
      category: 'Streaming',
      frequency: 'Streaming',
      connectionType: 'Server-to-server',
      supportsAudiences: false,
      supportsDatasets: true,
    },
    authSpec: [{ name: 'Streaming Connection', type: 'STREAMING', spec: emptyObject }],
    targetSpec: null,
  },
]

/** Every connection spec the Flow Service serves: destinations first, then sources. */
export const connectionSpecs: ConnectionSpec[] = [...destinationSpecs, ...sourceSpecs]

const destinationTargets = destinationCatalog.map((d) => d.id)

export const flowSpecs: FlowSpec[] = [
  {
    id: FLOW_SPEC_IDS.profileDestinations,
    name: 'Profile based destinations',
    providerId: ADOBE_PROVIDER,
    version: '1.0',
    sourceConnectionSpecIds: [SPEC_IDS.profileStore],
    targetConnectionSpecIds: destinationTargets,
    transformationSpecs: [{ name: 'GeneralTransform' }],
    attributes: { isDestinationFlow: true },
  },
  {
    id: FLOW_SPEC_IDS.httpApiSource,
    name: 'HTTP API streaming ingestion',
    providerId: ADOBE_PROVIDER,
    version: '1.0',
    sourceConnectionSpecIds: [SPEC_IDS.httpApiSource],
    targetConnectionSpecIds: [SPEC_IDS.dataLake],
    transformationSpecs: [],
    attributes: { isDestinationFlow: false },
  },
  {
    id: FLOW_SPEC_IDS.httpApiSourceMapping,
    name: 'HTTP API streaming ingestion with mapping',
    providerId: ADOBE_PROVIDER,
    version: '1.0',
    sourceConnectionSpecIds: [SPEC_IDS.httpApiSource],
    targetConnectionSpecIds: [SPEC_IDS.dataLake],
    transformationSpecs: [{ name: 'Mapping' }],
    attributes: { isDestinationFlow: false },
  },
]

export const findConnectionSpec = (id: string) => connectionSpecs.find((s) => s.id === id)
export const findFlowSpec = (id: string) => flowSpecs.find((s) => s.id === id)

/** The auth definition named by `specName`, or a 400 naming `auth.specName`. */
export function authDefinition(specId: string, specName: string): AuthDefinition {
  const destination = findDestination(specId)
  const found = destination?.auth.find((a) => a.name === specName)
  if (destination && !found) {
    const names = destination.auth.map((a) => `'${a.name}'`).join(', ')
    throw problems.invalidBody([
      { path: 'auth.specName', message: `Use one of ${names} for ${destination.name}.` },
    ])
  }
  if (!found) throw problems.invalidSpec('connection spec', specId)
  return found
}

/** Names of the auth params that are secrets (writeOnly in the spec's JSON Schema). */
/** The secrets of a stored account, sealed at rest: the write-only params of its auth. */
export const connectionSecrets: SecretsOf = ({ collection, doc }) => {
  if (collection !== 'connections') return null
  const { connectionSpec, auth } = doc as Connection
  return auth ? { holder: auth.params, keys: secretParams(connectionSpec.id, auth.specName) } : null
}

export function secretParams(specId: string, specName: string | undefined): Set<string> {
  const spec = findConnectionSpec(specId)
  const auth = spec?.authSpec.find((a) => a.name === specName)
  const keys = Object.entries(auth?.spec.properties ?? {})
    .filter(([, property]) => property.writeOnly)
    .map(([key]) => key)
  return new Set(keys)
}
