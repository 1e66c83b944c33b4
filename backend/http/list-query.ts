import { problems } from './problem'
import { refuseUnknownParams } from './route'

type Operator = '==' | '!=' | '>=' | '<=' | '>' | '<' | '~' | 'exists'

interface PropertyFilter {
  path: string[]
  operator: Operator
  value: string
}

export interface ListQuery {
  filters: PropertyFilter[]
  orderBy: { path: string[]; descending: boolean } | null
  limit: number
  offset: number
  count: boolean
}

export const MAX_LIMIT = 100

const FILTER = /^([\w.$@-]+)\s*(==|!=|>=|<=|>|<|~)\s*(.*)$/s
const ORDER_BY = /^[-+]?[\w$@][\w$@-]*(\.[\w$@][\w$@-]*)*$/

/** The query parameters flow-service.yaml documents for its lists. */
const LIST_PARAMS = ['property', 'orderby', 'limit', 'count', 'continuationToken']

/**
 * Parses `property=`, `orderby`, `limit`, `count` and `continuationToken` as the Flow Service does;
 * any other parameter is refused by name.
 */
export function parseListQuery(url: URL): ListQuery {
  refuseUnknownParams(url, LIST_PARAMS)
  const filters = url.searchParams.getAll('property').map((raw): PropertyFilter => {
    const match = FILTER.exec(raw.trim())
    if (match) {
      return { path: match[1].split('.'), operator: match[2] as Operator, value: match[3] }
    }
    if (/^[\w.$@-]+$/.test(raw.trim())) {
      return { path: raw.trim().split('.'), operator: 'exists', value: '' }
    }
    throw problems.invalidQuery(`The property filter '${raw}' is not of the form name==value.`)
  })

  const orderRaw = url.searchParams.get('orderby')?.trim()
  if (orderRaw && !ORDER_BY.test(orderRaw)) {
    throw problems.invalidQuery(
      `orderby '${orderRaw}' is not a property name, optionally after - (descending) or +.`,
    )
  }
  const orderBy = orderRaw
    ? {
        path: orderRaw.replace(/^[-+]/, '').split('.'),
        descending: orderRaw.startsWith('-'),
      }
    : null

  const limitRaw = url.searchParams.get('limit')
  let limit = MAX_LIMIT
  if (limitRaw !== null) {
    limit = Number(limitRaw)
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw problems.invalidQuery(`limit must be a whole number from 1 to ${MAX_LIMIT}.`)
    }
  }

  const token = url.searchParams.get('continuationToken')
  let offset = 0
  if (token) {
    offset = Number(safeAtob(token))
    if (!Number.isInteger(offset) || offset < 0) {
      throw problems.invalidQuery('The continuationToken is not valid.')
    }
  }
  return { filters, orderBy, limit, offset, count: url.searchParams.get('count') === 'true' }
}

function safeAtob(token: string): string {
  try {
    return atob(token)
  } catch {
    return 'invalid'
  }
}

const valueAt = (item: unknown, path: string[]): unknown => {
  let current = item
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

const compare = (actual: unknown, literal: string): number | null => {
  if (typeof actual === 'number') {
    const n = Number(literal)
    return Number.isNaN(n) ? null : actual - n
  }
  if (typeof actual === 'boolean') return String(actual) === literal ? 0 : 1
  if (typeof actual === 'string') return actual < literal ? -1 : actual > literal ? 1 : 0
  return null
}

const matches = (item: unknown, filter: PropertyFilter): boolean => {
  const actual = valueAt(item, filter.path)
  if (filter.operator === 'exists') return actual !== undefined && actual !== null
  if (filter.operator === '~') {
    return typeof actual === 'string' && actual.toLowerCase().includes(filter.value.toLowerCase())
  }
  if (Array.isArray(actual)) {
    const hit = actual.some((v) => compare(v, filter.value) === 0)
    return filter.operator === '!=' ? !hit : filter.operator === '==' ? hit : false
  }
  const c = compare(actual, filter.value)
  if (c === null) return filter.operator === '!='
  switch (filter.operator) {
    case '==':
      return c === 0
    case '!=':
      return c !== 0
    case '>':
      return c > 0
    case '>=':
      return c >= 0
    case '<':
      return c < 0
    default:
      return c <= 0
  }
}

const order = (a: unknown, b: unknown): number => {
  if (a === b) return 0
  if (a === undefined || a === null) return 1
  if (b === undefined || b === null) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return JSON.stringify(a).localeCompare(JSON.stringify(b))
}

/** Filters, sorts and pages items; the response carries `_links.next` when more remain. */
export function applyListQuery<T>(items: T[], query: ListQuery, url: URL) {
  const filtered = items.filter((item) => query.filters.every((f) => matches(item, f)))
  if (query.count) return { count: filtered.length }
  if (query.orderBy) {
    const { path, descending } = query.orderBy
    filtered.sort((a, b) => order(valueAt(a, path), valueAt(b, path)) * (descending ? -1 : 1))
  }
  const page = filtered.slice(query.offset, query.offset + query.limit)
  const nextOffset = query.offset + page.length
  if (nextOffset >= filtered.length) return { items: page }
  const next = new URL(url)
  next.searchParams.set('continuationToken', btoa(String(nextOffset)))
  return { items: page, _links: { next: { href: `${next.pathname}${next.search}` } } }
}
