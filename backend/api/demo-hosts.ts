import { http, HttpResponse } from 'msw'
import type { Collections } from '../store/collections'
import type { Outbound } from '../receiver/outbound'
import type { Database } from '../store/database'

/** Any http(s) URL on a `.example` host. */
export const DEMO_HOST_URL = /^https?:\/\/(?:[^/?#]+\.)?example(?::\d+)?(?:[/?#]|$)/

/** How long a page's own request to a demo service may take. */
const PAGE_TIMEOUT_MS = 60_000

/**
 * Lets the page itself reach the demo services (token server, receiver) with fetch, answered by
 * the same in-app services the engine calls directly, in the sandbox named by `x-sandbox-name`
 * (`prod` without it).
 */
export function demoHostHandlers(
  db: Database<Collections>,
  sandboxes: readonly string[],
  outbound: Outbound,
) {
  return [
    http.all(DEMO_HOST_URL, async ({ request }) => {
      const named = request.headers.get('x-sandbox-name')?.trim() ?? ''
      const sandbox = await db.sandbox(sandboxes.includes(named) ? named : 'prod')
      const result = await outbound.request(
        {
          method: request.method,
          url: request.url,
          headers: Object.fromEntries(request.headers),
          body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
        },
        { timeoutMs: PAGE_TIMEOUT_MS, sandbox },
      )
      if (result.kind !== 'response') return HttpResponse.error()
      return new HttpResponse(result.body, { status: result.status, headers: result.headers })
    }),
  ]
}
