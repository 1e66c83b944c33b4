import { receiverEndpoint } from '../../contracts/engine/receiver'
import type { Scheduler } from '../lib/clock'
import type { SandboxStore } from '../store/collections'
import type { BodySource } from '../store/docs'

/** A request the backend sends out: to a demo service inside the app, or to the network. */
export interface OutboundRequest {
  method: string
  url: string
  headers: Readonly<Record<string, string>>
  body: string
  /** Set when the body is an export record's payload: the demo receiver stores a reference. */
  bodyOf?: BodySource
}

/** The same request as a demo service sees it: header names in lower case, and its sandbox. */
export interface InAppRequest extends Omit<OutboundRequest, 'bodyOf'> {
  bodyOf: BodySource | null
  host: string
  path: string
  /** Host (with a port other than the default) and path: the receiver's key for the endpoint. */
  endpoint: string
  /** The sandbox whose demo services answer (each sandbox has its own receiver log). */
  sandbox: SandboxStore
}

export interface InAppResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** How long the demo service takes to answer (a fault scenario can make it slow). */
  delayMs?: number
  /**
   * Called when the answer is given, after the delay: the service records the request then, so a
   * request cut short by a closed tab leaves no trace. Returns the number of its log entry.
   */
  answered?: () => number | null
}

export type OutboundResult =
  | {
      kind: 'response'
      status: number
      headers: Record<string, string>
      body: string
      durationMs: number
      /** The number of the demo service's log entry for the request, when one answered it. */
      receipt: number | null
    }
  | { kind: 'network-error'; message: string; durationMs: number }
  | { kind: 'timeout'; afterMs: number; durationMs: number }

/** Answers `.example` hosts inside the app; null when no demo service lives at the URL. */
export type InAppService = (request: InAppRequest) => InAppResponse | null

/**
 * How the result of `send` comes: already given (`answered`), on a scheduler timer (`scheduled`,
 * a slow demo service), or when the network answers (`in-flight`).
 */
export type SendProgress = 'answered' | 'scheduled' | 'in-flight'

export interface SendOptions {
  timeoutMs: number
  sandbox: SandboxStore
}

/**
 * Sends requests the way the engine and credential checks need: `.example` hosts are answered by
 * in-app services with a direct call (no service-worker round trip), anything else goes out with
 * `fetch`. A request that takes longer than `timeoutMs` is abandoned as a timeout.
 */
export interface Outbound {
  /**
   * Sends and calls `done` with the result: synchronously, before `send` returns, when an in-app
   * service answers without delay, so the engine delivers to the demo receiver without a task
   * switch; later otherwise. Delays and timeouts run on the scheduler's time line.
   */
  send(
    request: OutboundRequest,
    options: SendOptions,
    done: (result: OutboundResult) => void,
  ): SendProgress
  /** The same as a promise. */
  request(request: OutboundRequest, options: SendOptions): Promise<OutboundResult>
}

export const isDemoHost = (host: string) => host === 'example' || host.endsWith('.example')

const notFound = (url: URL): InAppResponse => ({
  status: 404,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    error: 'not_found',
    message: `No demo service answers ${url.origin}${url.pathname}.`,
  }),
})

/** A URL as the outbound reads it, its parts read once (URL's getters make a new string each). */
interface ParsedUrl {
  url: URL
  host: string
  path: string
  endpoint: string
  demo: boolean
}

/** Remembers parsed URLs and their endpoint keys: the engine sends many requests to few URLs. */
function urlCache(limit = 256) {
  const cache = new Map<string, ParsedUrl>()
  return (href: string): ParsedUrl => {
    let parsed = cache.get(href)
    if (!parsed) {
      if (cache.size >= limit) cache.clear()
      const url = new URL(href)
      parsed = {
        url,
        host: url.hostname,
        path: url.pathname,
        endpoint: receiverEndpoint(href),
        demo: isDemoHost(url.hostname),
      }
      cache.set(href, parsed)
    }
    return parsed
  }
}

/** Lower-cases header names; the same object in gives the same object out. */
function lowerCaser() {
  const cache = new WeakMap<object, Record<string, string>>()
  return (headers: Readonly<Record<string, string>>): Record<string, string> => {
    let lower = cache.get(headers)
    if (!lower) {
      lower = {}
      for (const key in headers) lower[key.toLowerCase()] = headers[key]
      cache.set(headers, lower)
    }
    return lower
  }
}

/** The result of an in-app answer, once given: the service records the request then. */
const responseOf = (answer: InAppResponse, durationMs: number): OutboundResult => {
  const receipt = answer.answered?.() ?? null
  return {
    kind: 'response',
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    durationMs,
    receipt,
  }
}

export function createOutbound(services: readonly InAppService[], timers: Scheduler): Outbound {
  const parse = urlCache()
  const lowerCase = lowerCaser()

  function sendInApp(
    request: OutboundRequest,
    { url, host, path, endpoint }: ParsedUrl,
    { timeoutMs, sandbox }: SendOptions,
    done: (result: OutboundResult) => void,
  ): SendProgress {
    const inApp: InAppRequest = {
      method: request.method,
      url: request.url,
      headers: lowerCase(request.headers),
      body: request.body,
      bodyOf: request.bodyOf ?? null,
      host,
      path,
      endpoint,
      sandbox,
    }
    let response: InAppResponse | null = null
    for (const service of services) {
      response ??= service(inApp)
    }
    const answer = response ?? notFound(url)
    const delayMs = answer.delayMs ?? 0
    if (delayMs === 0) {
      done(responseOf(answer, 0))
      return 'answered'
    }
    const respond = () => responseOf(answer, delayMs)
    if (delayMs > timeoutMs) {
      timers.schedule(
        () => done({ kind: 'timeout', afterMs: timeoutMs, durationMs: timeoutMs }),
        timeoutMs,
      )
      timers.schedule(respond, delayMs)
      return 'scheduled'
    }
    timers.schedule(() => done(respond()), delayMs)
    return 'scheduled'
  }

  function sendToNetwork(
    request: OutboundRequest,
    url: URL,
    { timeoutMs }: SendOptions,
    done: (result: OutboundResult) => void,
  ): SendProgress {
    const started = timers.now()
    const controller = new AbortController()
    const cancelTimer = timers.schedule(() => controller.abort(), timeoutMs)
    fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
      signal: controller.signal,
    })
      .then(async (response): Promise<OutboundResult> => {
        const body = await response.text()
        return {
          kind: 'response',
          status: response.status,
          headers: Object.fromEntries(response.headers),
          body,
          durationMs: timers.now() - started,
          receipt: null,
        }
      })
      .catch((error: unknown): OutboundResult => {
        if (controller.signal.aborted) {
          return { kind: 'timeout', afterMs: timeoutMs, durationMs: timers.now() - started }
        }
        const reason = error instanceof Error ? error.message : String(error)
        return {
          kind: 'network-error',
          message: `${reason} (the browser could not reach ${url.origin}: the host is down, or it does not allow cross-origin requests from this page)`,
          durationMs: timers.now() - started,
        }
      })
      .then((result) => {
        cancelTimer()
        done(result)
      }, cancelTimer)
    return 'in-flight'
  }

  const send: Outbound['send'] = (request, options, done) => {
    let parsed
    try {
      parsed = parse(request.url)
    } catch {
      done({ kind: 'network-error', message: `'${request.url}' is not a URL`, durationMs: 0 })
      return 'answered'
    }
    return parsed.demo
      ? sendInApp(request, parsed, options, done)
      : sendToNetwork(request, parsed.url, options, done)
  }

  return {
    send,
    request: (request, options) =>
      new Promise((resolve) => {
        send(request, options, resolve)
      }),
  }
}
