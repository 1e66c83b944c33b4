import { http, HttpResponse } from 'msw'
import type { InAppService } from '../receiver/outbound'

/** Any http(s) URL on a `.example` host. */
export const DEMO_HOST_URL = /^https?:\/\/(?:[^/?#]+\.)?example(?::\d+)?(?:[/?#]|$)/

/**
 * Lets the page itself reach the demo services (token server, receiver) with fetch, answered by
 * the same in-app services the engine calls directly.
 */
export function demoHostHandlers(services: readonly InAppService[]) {
  return [
    http.all(DEMO_HOST_URL, async ({ request }) => {
      const url = new URL(request.url)
      const inApp = {
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
        host: url.hostname,
        path: url.pathname,
      }
      let answer = null
      for (const service of services) answer ??= service(inApp)
      if (!answer) {
        return HttpResponse.json(
          { error: 'not_found', message: `No demo service answers ${url.origin}${url.pathname}.` },
          { status: 404 },
        )
      }
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs))
      return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers })
    }),
  ]
}
