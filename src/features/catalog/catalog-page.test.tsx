import { Provider, defaultTheme } from '@adobe/react-spectrum'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { describe, expect, it } from 'vitest'
import { SpectrumProvider } from '../../app/spectrum-provider'
import { CatalogPage } from './catalog-page'

function renderCatalog() {
  const router = createMemoryRouter(
    [{ path: '/:sandbox/destinations/catalog', element: <CatalogPage /> }],
    { initialEntries: ['/prod/destinations/catalog'] },
  )
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <Provider theme={defaultTheme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </Provider>,
  )
}

describe('CatalogPage against the backend in Node', () => {
  it('renders a card per destination spec and narrows them by search', async () => {
    renderCatalog()
    expect(await screen.findByRole('article', { name: 'HTTP API' })).toBeInTheDocument()
    expect(screen.getAllByRole('article')).toHaveLength(6)
    const http = screen.getByRole('article', { name: 'HTTP API' })
    expect(within(http).getByRole('button', { name: 'Set up' })).toBeInTheDocument()

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search destinations' }),
      'event hubs',
    )
    expect(await screen.findByText('1 destination')).toBeInTheDocument()
    expect(screen.getByRole('article', { name: 'Azure Event Hubs' })).toBeInTheDocument()
  })

  it('links View documentation to the documentation site itself, in a new tab', async () => {
    const router = createMemoryRouter(
      [
        {
          path: '/:sandbox/destinations/catalog',
          element: (
            <SpectrumProvider>
              <CatalogPage />
            </SpectrumProvider>
          ),
        },
      ],
      { initialEntries: ['/prod/destinations/catalog'] },
    )
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Amazon S3 details' }))
    const rail = screen.getByRole('complementary', { name: 'Amazon S3 details' })
    const link = within(rail).getByRole('link', { name: 'View documentation' })
    expect(link).toHaveAttribute(
      'href',
      'https://experienceleague.adobe.com/docs/experience-platform/destinations/catalog/cloud-storage/amazon-s3.html',
    )
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  })
})
