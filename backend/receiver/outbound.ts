/** A request the backend sends out: to a demo service inside the app, or to the network. */
export interface OutboundRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: string
}

/** The same request as a demo service sees it: header names in lower case. */
export interface InAppRequest extends OutboundRequest {
  host: string
  path: string
}

export interface InAppResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** How long the demo service takes to answer (a fault scenario can make it slow). */
  delayMs?: number
}

export type OutboundResult =
  | {
      kind: 'response'
      status: number
      headers: Record<string, string>
      body: string
      durationMs: number
    }
  | { kind: 'network-error'; message: string; durationMs: number }
  | { kind: 'timeout'; afterMs: number; durationMs: number }

/** Answers `.example` hosts inside the app; null when no demo service lives at the URL. */
export type InAppService = (request: InAppRequest) => InAppResponse | null

export const isDemoHost = (host: string) => host === 'example' || host.endsWith('.example')

const lowerCase = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))

const notFound = (url: URL): InAppResponse => ({
  status: 404,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    error: 'not_found',
    message: `No demo service answers ${url.origin}${url.pathname}.`,
  }),
})

/**
 * Sends requests the way the engine and credential checks need: `.example` hosts are answered by
 * in-app services with a direct call (no service-worker round trip), anything else goes out with
 * `fetch`. A request that takes longer than `timeoutMs` is abandoned as a timeout.
 */
export function createOutbound(
  services: InAppService[],
  now: () => number = () => performance.now(),
) {
  return async function send(request: OutboundRequest, timeoutMs: number): Promise<OutboundResult> {
    const started = now()
    const url = new URL(request.url)
    if (isDemoHost(url.hostname)) {
      const inApp: InAppRequest = {
        ...request,
        headers: lowerCase(request.headers),
        host: url.hostname,
        path: url.pathname,
      }
      let response: InAppResponse | null = null
      for (const service of services) {
        response ??= service(inApp)
      }
      response ??= notFound(url)
      if ((response.delayMs ?? 0) > timeoutMs) {
        await new Promise((resolve) => setTimeout(resolve, timeoutMs))
        return { kind: 'timeout', afterMs: timeoutMs, durationMs: timeoutMs }
      }
      if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs))
      return {
        kind: 'response',
        status: response.status,
        headers: response.headers,
        body: response.body,
        durationMs: response.delayMs ?? 0,
      }
    }
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        body: request.method === 'GET' ? undefined : request.body,
        signal: controller.signal,
      })
      const body = await response.text()
      return {
        kind: 'response',
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body,
        durationMs: now() - started,
      }
    } catch (error) {
      if (controller.signal.aborted)
        return { kind: 'timeout', afterMs: timeoutMs, durationMs: now() - started }
      const reason = error instanceof Error ? error.message : String(error)
      return {
        kind: 'network-error',
        message: `${reason} (the browser could not reach ${url.origin}: the host is down, or it does not allow cross-origin requests from this page)`,
        durationMs: now() - started,
      }
    } finally {
      clearTimeout(timer)
    }
  }
}

export type Outbound = ReturnType<typeof createOutbound>
