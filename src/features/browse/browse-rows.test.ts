import { describe, expect, it } from 'vitest'
import { browseRows, viewFromParams, type BrowseRow, type BrowseView } from './browse-rows'

const row = (overrides: Partial<BrowseRow> & Pick<BrowseRow, 'id' | 'name'>): BrowseRow => ({
  destination: 'HTTP API',
  logo: null,
  enabled: true,
  audiences: 0,
  lastRun: null,
  createdAt: 0,
  updatedAt: 0,
  ...overrides,
})

const ROWS = [
  row({ id: 'z', name: 'Zephyr CRM', enabled: false, audiences: 1, createdAt: 1, updatedAt: 9 }),
  row({
    id: 'a',
    name: 'acme webhook',
    audiences: 3,
    createdAt: 2,
    updatedAt: 5,
    lastRun: { state: 'success', startedAt: 100 },
  }),
  row({ id: 'k', name: 'Kinesis stream', destination: 'Amazon Kinesis', createdAt: 3 }),
]

const view = (overrides: Partial<BrowseView> = {}): BrowseView => ({
  search: '',
  status: 'all',
  sort: { column: 'created', direction: 'descending' },
  ...overrides,
})

const ids = (rows: BrowseRow[]) => rows.map((r) => r.id)

const sorted = (column: BrowseView['sort']['column'], direction: 'ascending' | 'descending') =>
  ids(browseRows(ROWS, view({ sort: { column, direction } })))

describe('browseRows', () => {
  it('lists the newest first by default', () => {
    expect(ids(browseRows(ROWS, view()))).toEqual(['k', 'a', 'z'])
  })

  it('searches every word in the name and the destination, ignoring case', () => {
    expect(ids(browseRows(ROWS, view({ search: 'ACME' })))).toEqual(['a'])
    expect(ids(browseRows(ROWS, view({ search: 'amazon stream' })))).toEqual(['k'])
    expect(ids(browseRows(ROWS, view({ search: 'http' })))).toEqual(['a', 'z'])
    expect(browseRows(ROWS, view({ search: 'nothing' }))).toEqual([])
  })

  it('filters by status', () => {
    expect(ids(browseRows(ROWS, view({ status: 'disabled' })))).toEqual(['z'])
    expect(ids(browseRows(ROWS, view({ status: 'enabled' })))).toEqual(['k', 'a'])
  })

  it('sorts by each column in both directions', () => {
    expect(sorted('name', 'ascending')).toEqual(['a', 'k', 'z'])
    expect(sorted('name', 'descending')).toEqual(['z', 'k', 'a'])
    expect(sorted('destination', 'ascending')).toEqual(['k', 'a', 'z'])
    expect(sorted('status', 'ascending')).toEqual(['z', 'a', 'k'])
    expect(sorted('activation', 'descending')).toEqual(['a', 'z', 'k'])
    expect(sorted('lastRun', 'descending')).toEqual(['a', 'k', 'z'])
    expect(sorted('modified', 'ascending')).toEqual(['k', 'a', 'z'])
  })
})

describe('viewFromParams', () => {
  it('reads the search, the status and the sort from the URL', () => {
    expect(
      viewFromParams(
        new URLSearchParams('search=acme&status=disabled&sort=name&direction=ascending'),
      ),
    ).toEqual({
      search: 'acme',
      status: 'disabled',
      sort: { column: 'name', direction: 'ascending' },
    })
  })

  it('falls back to everything, newest first, for missing or unknown values', () => {
    expect(viewFromParams(new URLSearchParams('status=paused&sort=color'))).toEqual(view())
  })
})
