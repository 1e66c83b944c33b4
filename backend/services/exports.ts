import {
  exportCurlQuerySchema,
  exportListQuerySchema,
  exportStreamQuerySchema,
  type ExportAttempt,
  type ExportCurl,
  type ExportList,
  type ExportListQuery,
  type ExportRecord,
  type ReceiverEntry,
  type SentRequest,
} from '../../contracts/engine/exports'
import { receiverEndpoint } from '../../contracts/engine/receiver'
import type { ExportDoc } from '../store/docs'
import { summarize, type ExportPredicate } from '../engine/runtime/flow-exports'
import type { SendEvent } from '../engine/runtime/live-stream'
import type { FlowRuntime } from '../engine/runtime/flow-runtime'
import { problems } from '../http/problem'
import { parseQuery } from '../http/route'
import { toCurl } from './curl'
import type { EngineContext } from './engine-context'
import { getFlowDoc } from './flows'
import { matchingProfileIds } from './profiles'

function runtimeOf(ctx: EngineContext, flowId: string): FlowRuntime {
  getFlowDoc(ctx, flowId)
  const runtime = ctx.engine.flow(flowId)
  if (!runtime) throw problems.notFound('flow', flowId)
  return runtime
}

/**
 * The list's and stream's filters: state, a mapped audience, and a search term matching the
 * export id, the profile id or an identity value of the profile (contains, any case).
 */
function predicateOf(
  ctx: EngineContext,
  runtime: FlowRuntime,
  query: ExportListQuery,
): ExportPredicate {
  const { state, audienceId, search } = query
  const term = search?.toLowerCase() ?? ''
  const profiles = term === '' ? null : matchingProfileIds(ctx.sandbox, term)
  return (doc: ExportDoc) =>
    (state === undefined || doc.state === state) &&
    (audienceId === undefined || doc.audienceIds.includes(audienceId)) &&
    (profiles === null || profiles.has(doc.profileId) || runtime.exports.idOf(doc).includes(term))
}

/** A page of a dataflow's exports, newest first, with the exact counters. */
export function listExports(ctx: EngineContext, flowId: string, url: URL): ExportList {
  const query = parseQuery(exportListQuerySchema, url)
  const runtime = runtimeOf(ctx, flowId)
  let before = Infinity
  if (query.cursor !== undefined) {
    before = Number(query.cursor)
    if (!Number.isInteger(before) || before < 1) {
      throw problems.invalidQuery('The cursor is not valid.')
    }
  }
  const { exports } = runtime
  const { items, more } = exports.page(predicateOf(ctx, runtime, query), query.limit, before)
  const context = runtime.summaryContext()
  return {
    items: items.map((doc) => summarize(doc, context)),
    counters: exports.stats.counters,
    retained: exports.log.size,
    nextCursor: more ? String(items.at(-1)?.seq ?? '') : null,
  }
}

export function getExport(ctx: EngineContext, flowId: string, exportId: string): ExportRecord {
  const runtime = runtimeOf(ctx, flowId)
  const doc = runtime.exports.get(exportId)
  if (!doc) throw problems.notFound('export', exportId)
  return presentRecord(ctx, runtime, doc)
}

/**
 * A record as the API shows it: its attempts with the requests as sent (the body is the
 * payload), what the demo receiver saw of each, and the last request as cURL.
 */
function presentRecord(ctx: EngineContext, runtime: FlowRuntime, doc: ExportDoc): ExportRecord {
  const requests: SentRequest[] = []
  const receiver: ReceiverEntry[] = []
  const attempts = doc.attempts.map(({ receipt, ...attempt }): ExportAttempt => {
    const request = attempt.request ? { ...attempt.request, body: doc.payload } : null
    if (request) requests.push(request)
    const entry =
      receipt !== null && request
        ? ctx.engine.receiver.entry(receiverEndpoint(request.url), receipt)
        : undefined
    if (entry) receiver.push(entry)
    return { ...attempt, request }
  })
  const last = requests.at(-1)
  return {
    ...summarize(doc, runtime.summaryContext()),
    reasons: doc.reasons,
    payload: JSON.parse(doc.payload) as Record<string, unknown>,
    attempts,
    stream: doc.stream,
    receiver,
    curl: last ? toCurl(last) : null,
  }
}

/**
 * The message's last request as a cURL command. Masked unless `secrets=true` asks for the
 * replayable command: then the headers are the ones the next attempt would send now (the
 * account's current credentials and, for OAuth, the access token the engine holds), with the
 * message's body.
 */
export function exportCurl(
  ctx: EngineContext,
  flowId: string,
  exportId: string,
  url: URL,
): ExportCurl {
  const { secrets } = parseQuery(exportCurlQuerySchema, url)
  const runtime = runtimeOf(ctx, flowId)
  const doc = runtime.exports.get(exportId)
  if (!doc) throw problems.notFound('export', exportId)
  const last = doc.attempts.findLast((attempt) => attempt.request !== null)?.request
  if (!last) {
    throw problems.noReplayableRequest(
      'This message has no HTTP request: it went to a stream, or no attempt has sent it yet.',
    )
  }
  const request = { ...last, body: doc.payload }
  if (secrets === 'false') return { curl: toCurl(request), secrets: false }
  const headers = ctx.engine.headersNow(flowId)
  if (!headers) {
    throw problems.noReplayableRequest(
      'The engine holds no valid access token for this account now: the next export fetches one, then copy the command again.',
    )
  }
  const replay = {
    ...request,
    headers: Object.entries(headers.actual).map(([name, value]) => ({ name, value })),
  }
  return { curl: toCurl(replay), secrets: true }
}

/**
 * Checks a live stream's flow and filters at once (a bad request fails before the stream opens)
 * and returns what starts it: `start(send)` watches and returns the stop.
 */
export function openExportStream(
  ctx: EngineContext,
  flowId: string,
  url: URL,
): (send: SendEvent) => () => void {
  const query = parseQuery(exportStreamQuerySchema, url)
  const runtime = runtimeOf(ctx, flowId)
  const predicate = predicateOf(ctx, runtime, query)
  return (send) => ctx.engine.watch(flowId, predicate, send) ?? (() => undefined)
}
