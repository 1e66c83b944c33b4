import { SPEC_IDS } from '../../contracts/connection-spec'
import { createdSchema, listSchema, sourceConnectionSchema } from '../../contracts/flow-service'
import { FLOW_SERVICE, request } from './client'
import { createConnection } from './connections'

const list = listSchema(sourceConnectionSchema)

/**
 * The Profile Store source connection every profile-based dataflow reads from: the existing one,
 * or a new base connection and source connection, as the streaming tutorial creates them.
 */
export async function ensureProfileStoreSource(sandbox: string): Promise<string> {
  const filter = encodeURIComponent(`connectionSpec.id==${SPEC_IDS.profileStore}`)
  const existing = await request(`${FLOW_SERVICE}/sourceConnections?property=${filter}&limit=1`, {
    sandbox,
    schema: list,
  })
  if (existing.items[0]) return existing.items[0].id
  const base = await createConnection(sandbox, {
    name: 'Base connection to Experience Platform',
    description: 'Profile Store, the source of profile-based destinations',
    connectionSpec: { id: SPEC_IDS.profileStore, version: '1.0' },
  })
  const source = await request(`${FLOW_SERVICE}/sourceConnections`, {
    sandbox,
    method: 'POST',
    schema: createdSchema,
    body: {
      name: 'Connecting to Profile Service',
      description: '',
      baseConnectionId: base.id,
      connectionSpec: { id: SPEC_IDS.profileStore, version: '1.0' },
      data: { format: 'json' },
      params: {},
    },
  })
  return source.id
}
