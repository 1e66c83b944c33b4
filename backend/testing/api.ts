import { afterAll, afterEach, beforeAll } from 'vitest'

import { createNodeBackend, type NodeBackendOptions } from '../node'

export const ORIGIN = 'http://console.test'
export const FS = '/data/foundation/flowservice'

export interface CallOptions {
  body?: unknown
  rawBody?: string
  sandbox?: string | null
  headers?: Record<string, string>
}

export interface CallResult<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** Calls the backend over (intercepted) HTTP, as a client would. */
export async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  { body, rawBody, sandbox = 'prod', headers = {} }: CallOptions = {},
): Promise<CallResult<T>> {
  const response = await fetch(`${ORIGIN}${path}`, {
    method,
    headers: {
      ...(sandbox ? { 'x-sandbox-name': sandbox } : {}),
      ...(body !== undefined || rawBody !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : null) as T,
  }
}

/** Starts a fresh Node backend for a test file; each test runs on freshly reset sandboxes. */
export function startTestBackend(options: NodeBackendOptions = {}) {
  const env = createNodeBackend({ seed: { profileCount: 200 }, ...options })
  beforeAll(() => env.server.listen({ onUnhandledRequest: 'error' }))
  afterEach(async () => {
    await env.backend.db.reset('prod')
    await env.backend.db.reset('dev')
  })
  afterAll(() => {
    env.server.close()
    env.backend.close()
  })
  return env
}
