import type { z } from 'zod'
import { problemSchema, type ProblemBody } from '../../contracts/problem'

/** An API failure, carrying the problem body so screens can show the API's own words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody | null,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Field errors by dotted path, for forms to show next to their fields. */
  get fieldErrors(): { path: string; message: string }[] {
    return this.problem?.errorDetails ?? []
  }
}

export const FLOW_SERVICE = '/data/foundation/flowservice'

export interface RequestOptions<S extends z.ZodType> {
  sandbox: string
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  headers?: Record<string, string>
  schema: S
  signal?: AbortSignal
}

const absolute = (path: string) => new URL(path, globalThis.location.origin).toString()

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text()
  let problem: ProblemBody | null = null
  try {
    const parsed = problemSchema.safeParse(JSON.parse(text))
    if (parsed.success) problem = parsed.data
  } catch {
    problem = null
  }
  const message =
    problem?.report['detailed-message'] ??
    problem?.title ??
    `The request failed with status ${response.status}.`
  return new ApiError(response.status, problem, message)
}

/**
 * The one way the UI talks to the backend: JSON over fetch with the sandbox header, errors as
 * ApiError, responses checked with zod so their types are true.
 */
export async function request<S extends z.ZodType>(
  path: string,
  { sandbox, method = 'GET', body, headers = {}, schema, signal }: RequestOptions<S>,
): Promise<z.output<S>> {
  let response: Response
  try {
    response = await fetch(absolute(path), {
      method,
      signal,
      headers: {
        accept: 'application/json',
        'x-sandbox-name': sandbox,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, null, 'The console could not reach its backend. Reload the page.')
  }
  if (!response.ok) throw await failure(response)
  const data: unknown = response.status === 204 ? null : await response.json()
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      null,
      `The backend answered ${method} ${path} with an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`,
    )
  }
  return parsed.data
}

/**
 * The query keys of one resource: `[resource, params]` (CONVENTIONS.md), so invalidating `all`
 * refreshes every variant and `of({ sandbox })` every variant of one sandbox.
 */
export function resourceKeys<const R extends string>(resource: R) {
  return {
    all: [resource] as const,
    of: <const P extends Record<string, unknown>>(params: P) => [resource, params] as const,
  }
}
