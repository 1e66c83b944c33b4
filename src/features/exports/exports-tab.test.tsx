import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ExportFilters } from '../../api/exports'
import { renderWithProviders } from '../../testing/render'
import { ExportsTab } from './exports-tab'

/** A dataflow with no exported message: the feed answers an empty list, whatever the filters. */
const filtersSeen = vi.hoisted((): ExportFilters[] => [])
vi.mock('./use-live-exports', () => ({
  useLiveExports: (_sandbox: string, _flowId: string, filters: ExportFilters) => {
    filtersSeen.push(filters)
    return {
      status: 'live',
      query: {
        isPending: false,
        isError: false,
        hasNextPage: false,
        data: {
          pages: [
            {
              items: [],
              counters: { delivered: 0, retrying: 0, failed: 0, excluded: 0, pending: 0 },
              retained: 0,
              nextCursor: null,
            },
          ],
          pageParams: [null],
        },
      },
    }
  },
}))

const EMPTY = /^No exported message yet\./
const NO_MATCH = 'No message matches these filters.'

const renderTab = () =>
  renderWithProviders(
    <ExportsTab
      sandbox="prod"
      flowId="flow-1"
      receiverEndpoint={null}
      audiences={[{ id: 'aud-1', name: 'Loyal buyers' }]}
    />,
  )

describe('ExportsTab: the text under an empty table', () => {
  it('invites to export when no filter is active', () => {
    renderTab()
    expect(screen.getByText(EMPTY)).toBeInTheDocument()
    expect(screen.queryByText(NO_MATCH)).not.toBeInTheDocument()
  })

  it('says nothing matches with a state or an audience filter', async () => {
    renderTab()
    await userEvent.click(screen.getByRole('button', { name: /State/ }))
    await userEvent.click(await screen.findByRole('option', { name: 'Failed' }))
    expect(screen.getByText(NO_MATCH)).toBeInTheDocument()
    expect(screen.queryByText(EMPTY)).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: /State/ }))
    await userEvent.click(await screen.findByRole('option', { name: 'All states' }))
    expect(screen.getByText(EMPTY)).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: /Audience/ }))
    await userEvent.click(await screen.findByRole('option', { name: 'Loyal buyers' }))
    expect(screen.getByText(NO_MATCH)).toBeInTheDocument()
  })

  it('says nothing matches once an identity search is sent, and not after it is cleared', async () => {
    renderTab()
    const search = screen.getByRole('searchbox', { name: 'Search by identity' })
    await userEvent.type(search, 'nobody@example.com')
    expect(await screen.findByText(NO_MATCH)).toBeInTheDocument()
    expect(filtersSeen.at(-1)).toMatchObject({ search: 'nobody@example.com' })
    await userEvent.clear(search)
    expect(await screen.findByText(EMPTY)).toBeInTheDocument()
  })
})
