import { http, HttpHandler, matchRequestUrl, type RequestHandler } from 'msw'
import { problems } from './problem'
import { problemResponse } from './route'

/** Where the emulated APIs live: the Experience Platform services and the demo's own. */
const API_PREFIXES = [
  '/data/foundation/flowservice/',
  '/data/foundation/schemaregistry/',
  '/data/core/ups/',
  '/demo/',
]

const underApi = ({ request }: { request: Request }) => {
  const { pathname } = new URL(request.url)
  return API_PREFIXES.some((prefix) => `${pathname}/`.startsWith(prefix))
}

interface KnownRoute {
  method: string
  path: string
}

const knownRoutes = (handlers: RequestHandler[]): KnownRoute[] =>
  handlers.flatMap((handler) => {
    if (!(handler instanceof HttpHandler)) return []
    const { method, path } = handler.info
    return typeof method === 'string' && typeof path === 'string' ? [{ method, path }] : []
  })

/**
 * Answers what no route under the API prefixes answers, in the problem shape: 405 with an `Allow` header when the path
 * is known but the method is not, 404 otherwise. The known routes are read from the handlers, so
 * register these after them.
 */
export function fallbackHandlers(handlers: RequestHandler[]) {
  const routes = knownRoutes(handlers)
  return [
    http.all(underApi, ({ request }) => {
      const url = new URL(request.url)
      const requestId = crypto.randomUUID()
      const allowed = [
        ...new Set(routes.filter((r) => matchRequestUrl(url, r.path).matches).map((r) => r.method)),
      ]
      if (!allowed.length) {
        return problemResponse(problems.noRoute(request.method, url.pathname), requestId)
      }
      const response = problemResponse(
        problems.methodNotAllowed(request.method, url.pathname, allowed),
        requestId,
      )
      response.headers.set('allow', allowed.join(', '))
      return response
    }),
  ]
}
