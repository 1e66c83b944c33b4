import { Provider, defaultTheme } from '@adobe/react-spectrum'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { vi } from 'vitest'

/** Renders a screen part inside the Spectrum provider and a fresh query cache, as the shell does. */
export function renderWithProviders(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <Provider theme={defaultTheme}>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </Provider>,
  )
}

export const spyOnFetch = () => vi.spyOn(globalThis, 'fetch')

/** The requests made through `fetch` to a path with a method. */
export const requestsTo = (fetch: ReturnType<typeof spyOnFetch>, path: string, method: string) =>
  fetch.mock.calls.filter(([input, init]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return url.includes(path) && init?.method === method
  })
