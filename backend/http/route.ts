import { HttpResponse, type HttpResponseResolver } from 'msw'
import type { z } from 'zod'
import type { CollectionMap, Database, Sandbox } from '../store/database'
import type { FieldError } from '../../contracts/problem'
import { LIMITS } from '../../contracts/limits'
import { Problem, problems } from './problem'

export interface RouteContext<C extends CollectionMap> {
  request: Request
  url: URL
  params: Record<string, string>
  sandbox: Sandbox<C>
  requestId: string
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as Record<string, unknown>, { status, headers })

export const problemResponse = (problem: Problem, requestId: string) =>
  HttpResponse.json(problem.toBody(requestId), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': requestId },
  })

/** The deepest nesting of objects and arrays in a JSON value, walked without recursion. */
function jsonDepth(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > LIMITS.jsonDepth) return deepest
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return deepest
}

/**
 * Reads a JSON body; a missing or wrong content type, a body past `LIMITS.bodyBytes`, malformed
 * JSON and nesting past `LIMITS.jsonDepth` are problems, found before anything is kept.
 */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/([\w.-]+\+)?json(-patch\+json)?\b/i.test(type)) {
    throw problems.invalidContentType()
  }
  const text = await request.text()
  if (new TextEncoder().encode(text).byteLength > LIMITS.bodyBytes) throw problems.bodyTooLarge()
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch (error) {
    throw problems.malformedJson(error instanceof Error ? error.message : String(error))
  }
  if (jsonDepth(value) > LIMITS.jsonDepth) throw problems.tooDeep()
  return value
}

/** What a request with a property or query parameter the API does not know is told. */
const doesNotTake = (path: string, key: string): FieldError => ({
  path,
  message: `This request does not take '${key}'.`,
})

/**
 * Zod issues as field errors with dotted paths, prefixed where the schema checks a sub-object. A
 * property a strict object does not take is named by its own path, one error each.
 */
export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const pathOf = (path: readonly PropertyKey[]) =>
    [prefix, ...path.map(String)].filter(Boolean).join('.')
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => doesNotTake(pathOf([...issue.path, key]), key))
      : [{ path: pathOf(issue.path), message: issue.message }],
  )
}

/** Validates with a zod schema or throws a 400 naming every bad field. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = '',
): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw problems.invalidBody(toFieldErrors(result.error, prefix))
  return result.data
}

const invalidQuery = (errors: FieldError[]) =>
  problems.invalidQuery(
    `Invalid query. ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`,
    errors,
  )

/** Validates a URL's query parameters with a zod schema or throws a 400 naming each bad one. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(url.searchParams))
  if (result.success) return result.data
  throw invalidQuery(toFieldErrors(result.error))
}

/** Throws a 400 naming each query parameter of the URL that is not one of `known`. */
export function refuseUnknownParams(url: URL, known: readonly string[]): void {
  const unknown = [...new Set(url.searchParams.keys())].filter((name) => !known.includes(name))
  if (unknown.length) throw invalidQuery(unknown.map((name) => doesNotTake(name, name)))
}

export interface RouteOptions {
  /**
   * The handler reads the query itself and refuses the parameters it does not know. Without it,
   * the route takes no query parameter.
   */
  parsesQuery?: boolean
}

/**
 * Wraps a handler: resolves the sandbox from `x-sandbox-name`, turns thrown problems into problem
 * responses, and, for writes, answers only once the change is durable.
 */
export function createRoute<C extends CollectionMap>(
  db: Database<C>,
  sandboxes: readonly string[],
) {
  return function route(
    handler: (ctx: RouteContext<C>) => Response | Promise<Response>,
    { parsesQuery = false }: RouteOptions = {},
  ): HttpResponseResolver {
    return async ({ request, params }) => {
      const requestId = crypto.randomUUID()
      try {
        const name = request.headers.get('x-sandbox-name')?.trim()
        if (!name) throw problems.missingSandbox()
        if (!sandboxes.includes(name)) throw problems.unknownSandbox(name)
        const url = new URL(request.url)
        if (!parsesQuery) refuseUnknownParams(url, [])
        const sandbox = await db.sandbox(name)
        const response = await handler({
          request,
          url,
          params: params as Record<string, string>,
          sandbox,
          requestId,
        })
        if (MUTATING.has(request.method)) await db.flush()
        response.headers.set('x-request-id', requestId)
        return response
      } catch (error) {
        if (error instanceof Problem) return problemResponse(error, requestId)
        console.error('Unhandled backend error', error)
        return problemResponse(
          problems.internal(error instanceof Error ? error.message : String(error)),
          requestId,
        )
      }
    }
  }
}
