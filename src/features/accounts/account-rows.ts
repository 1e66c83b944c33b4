import type { ConnectionSpec } from '../../../contracts/connection-spec'
import type { Connection, Flow, TargetConnection } from '../../../contracts/flow-service'

/** One row of the Accounts table. */
export interface AccountRow {
  id: string
  name: string
  destination: string
  spec: ConnectionSpec
  connectionType: string
  username: string
  /** When the credentials were last checked and saved (UNIX ms), from `auth.params.authorizedDate`. */
  authorizedAt: number | null
  /** The dataflows whose target connection uses the account. */
  flows: { id: string; name: string }[]
  account: Connection
}

const CONNECTION_TYPES: Record<string, string> = {
  NONE: 'None',
  BEARER: 'Bearer token',
  OAUTH2_PASSWORD: 'OAuth 2',
  OAUTH2_CLIENT_CREDENTIALS: 'OAuth 2',
  KINESIS: 'Access Key',
  S3: 'Access Key',
  EVENT_HUBS: 'Access Key',
  SFTP_WITH_PASSWORD: 'Basic authentication for SFTP',
}

/** AEP's Connection Type of an account, from its auth spec's type. */
export const connectionTypeLabel = (authType: string) => CONNECTION_TYPES[authType] ?? authType

/** The params that identify who the account signs in as, most specific first. */
const IDENTITY_PARAMS = ['username', 'clientId', 'accessKeyId', 's3AccessKey', 'sasKeyName']

/** The user the account signs in as: its username, or the client or key ID of key-based auth. */
export function accountUsername(params: Record<string, unknown>): string {
  const key = IDENTITY_PARAMS.find(
    (name) => typeof params[name] === 'string' && params[name] !== '',
  )
  return key ? String(params[key]) : ''
}

/**
 * The destination accounts of a sandbox as the Accounts table shows them. Base connections of
 * sources (such as the Profile Store's) are not accounts and are left out.
 */
export function accountRows(
  connections: readonly Connection[],
  specs: readonly ConnectionSpec[],
  targets: readonly TargetConnection[],
  flows: readonly Flow[],
): AccountRow[] {
  const destinations = new Map(
    specs.filter((spec) => spec.attributes.isDestination).map((spec) => [spec.id, spec]),
  )
  return connections.flatMap((account) => {
    const spec = destinations.get(account.connectionSpec.id)
    if (!spec) return []
    const params = account.auth?.params ?? {}
    const authType = spec.authSpec.find((auth) => auth.name === account.auth?.specName)?.type
    const targetIds = new Set(
      targets.filter((t) => t.baseConnectionId === account.id).map((t) => t.id),
    )
    const date =
      typeof params.authorizedDate === 'string' ? Date.parse(params.authorizedDate) : Number.NaN
    return [
      {
        id: account.id,
        name: account.name,
        destination: spec.name,
        spec,
        connectionType: authType ? connectionTypeLabel(authType) : '—',
        username: accountUsername(params),
        authorizedAt: Number.isNaN(date) ? null : date,
        flows: flows
          .filter((flow) => flow.targetConnectionIds.some((id) => targetIds.has(id)))
          .map((flow) => ({ id: flow.id, name: flow.name })),
        account,
      },
    ]
  })
}

/** Rows whose name, destination, connection type or username contain every word searched. */
export function searchRows(rows: readonly AccountRow[], search: string): AccountRow[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  return rows.filter((row) => {
    const text = `${row.name} ${row.destination} ${row.connectionType} ${row.username}`
    return words.every((word) => text.toLowerCase().includes(word))
  })
}

export type AccountSortColumn = 'name' | 'authorized'

/** Rows sorted by name or authorization date; accounts never authorized sort last. */
export function sortRows(
  rows: readonly AccountRow[],
  column: AccountSortColumn,
  direction: 'ascending' | 'descending',
): AccountRow[] {
  const sign = direction === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => {
    if (column === 'name') return sign * a.name.localeCompare(b.name)
    if (a.authorizedAt === null || b.authorizedAt === null) {
      return (a.authorizedAt === null ? 1 : 0) - (b.authorizedAt === null ? 1 : 0)
    }
    return sign * (a.authorizedAt - b.authorizedAt)
  })
}
