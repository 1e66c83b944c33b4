import type { Page } from '@playwright/test'

export interface ApiResult<T> {
  status: number
  body: T
}

/**
 * Calls the in-browser backend from inside the page, as the console does: the service worker
 * answers only requests made by the page, not Playwright's own request client.
 */
export async function api<T = Record<string, unknown>>(
  page: Page,
  method: string,
  path: string,
  {
    body,
    sandbox = 'prod',
    headers = {},
  }: { body?: unknown; sandbox?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  return page.evaluate(
    async (req) => {
      const response = await fetch(req.path, {
        method: req.method,
        headers: {
          'x-sandbox-name': req.sandbox,
          ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...req.headers,
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      })
      const text = await response.text()
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
    },
    { method, path, body, sandbox, headers },
  )
}

export const FS = '/data/foundation/flowservice'
export const HTTP_API_SPEC = 'a1f3c9b2-6d4e-4f7a-9c2b-7e5d1a0f4b6c'

/** Creates an HTTP API account (base connection) through the Flow Service API. */
export function createHttpApiAccount(page: Page, sandbox = 'prod', name = 'Acme webhook account') {
  return api<{ id: string; etag: string }>(page, 'POST', `${FS}/connections`, {
    sandbox,
    body: {
      name,
      connectionSpec: { id: HTTP_API_SPEC, version: '1.0' },
      auth: { specName: 'Bearer token', params: { token: 'e2e-secret-token-123' } },
    },
  })
}
