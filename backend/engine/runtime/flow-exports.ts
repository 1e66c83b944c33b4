import type {
  DestinationKind,
  ExclusionReason,
  ExportCounters,
  ExportReason,
  ExportState,
  ExportSummary,
} from '../../../contracts/engine/exports'
import { hourOf } from '../../lib/clock'
import { emptyWindow } from '../rules/runs'
import { newIdPrefix, seqId, seqOfId } from '../../lib/ids'
import type { SandboxStore } from '../../store/collections'
import { SEGMENT_SIZE, SegmentedLog, type SegmentDoc } from '../../store/segmented-log'
import type { CountByCode, RunWindow } from '../../../contracts/engine/runs'
import type { AttemptDoc, ExportDoc, FlowStatsDoc } from '../../store/docs'

/** The newest records kept per dataflow; counters stay exact (docs/engine.md, "Memory"). */
export const EXPORTS_RETAIN = 100_000

/** The codes and messages of exclusions, as a run's skippedInfo shows them. */
export const EXCLUSIONS: Record<ExclusionReason, { code: string; message: string }> = {
  'no-relevant-change': {
    code: 'ACTIVATION-0001-SKIP',
    message:
      'No mapped audience, identity or mapped attribute changed in the update: exports are incremental.',
  },
  'no-mapped-data': {
    code: 'ACTIVATION-0002-SKIP',
    message:
      "Records didn't match attribute filter: the profile has no mapped attribute and no identity.",
  },
}

const isFinal = (state: ExportState) => state === 'delivered' || state === 'failed'

const emptyCounters = (): ExportCounters => ({
  delivered: 0,
  retrying: 0,
  failed: 0,
  pending: 0,
  excluded: 0,
})

const bump = (counts: CountByCode, code: string, message: string) => {
  const found = counts[code]
  if (found) found.count++
  else counts[code] = { message, count: 1 }
}

/** What a new record is made of. */
export interface NewExport {
  profileId: string
  reasons: ExportReason[]
  audienceIds: string[]
  payload: string
}

/** How an attempt leaves the record, as the delivery decided; `resend` keeps its state. */
export type Settlement =
  | { state: 'delivered' }
  | { state: 'retrying'; nextAttemptAt: number }
  | { state: 'resend' }
  | { state: 'failed'; reason: string; code: string }

export type ExportPredicate = (doc: ExportDoc) => boolean

/**
 * One dataflow's exports: the log of records (persisted in segments), its exact counters and
 * hourly run windows, and the records changed since the live stream's last event. Every change of
 * a record and of the counters is written in the same synchronous run, so they commit together.
 */
export class FlowExports {
  readonly log: SegmentedLog<ExportDoc>
  readonly stats: FlowStatsDoc
  /** Records created or changed since the last stream event; null while nobody watches. */
  private changes: Set<ExportDoc> | null = null
  private countersChanged = false
  /** The window written last: most writes go to the current hour's. */
  private lastWindow: RunWindow | null = null

  constructor(
    private readonly sandbox: SandboxStore,
    readonly flowId: string,
    segments: SegmentDoc<ExportDoc>[],
    /** Called with records about to be dropped (evicted, or the flow deleted). */
    onDrop?: (docs: readonly ExportDoc[]) => void,
  ) {
    this.log = new SegmentedLog(
      sandbox.collection('exportSegments'),
      flowId,
      {
        segmentSize: SEGMENT_SIZE,
        retain: EXPORTS_RETAIN,
        evictable: (doc) => isFinal(doc.state),
        onDrop,
      },
      segments,
    )
    this.stats = sandbox.collection('flowStats').get(flowId) ?? {
      id: flowId,
      idPrefix: newIdPrefix(),
      rev: 0,
      counters: emptyCounters(),
      excludedBy: {},
      windows: {},
    }
  }

  /** Every retained record, oldest first. */
  all(): Iterable<ExportDoc> {
    return this.log.all()
  }

  /** Records not yet delivered or failed, to resume after a reload. */
  *unsettled(): Generator<ExportDoc> {
    for (const doc of this.log.all()) if (!isFinal(doc.state)) yield doc
  }

  /** The id of a record: the flow's prefix and the record's number. */
  idOf(doc: ExportDoc): string {
    return seqId(this.stats.idPrefix, doc.seq)
  }

  get(id: string): ExportDoc | undefined {
    const seq = seqOfId(this.stats.idPrefix, id)
    return seq === null ? undefined : this.log.get(seq)
  }

  create(input: NewExport, now: number): ExportDoc {
    const doc: ExportDoc = {
      seq: this.log.nextSeq,
      rev: ++this.stats.rev,
      profileId: input.profileId,
      reasons: input.reasons,
      audienceIds: input.audienceIds,
      payload: input.payload,
      createdAt: now,
      updatedAt: now,
      state: 'pending',
      statusCode: null,
      nextAttemptAt: null,
      failureReason: null,
      failureCode: null,
      tokenRefreshed: false,
      attempts: [],
      stream: null,
    }
    this.log.append(doc)
    this.stats.counters.pending++
    const window = this.windowAt(now, now)
    window.received++
    window.inFlight++
    this.changed(doc)
    return doc
  }

  /** Counts an evaluated, in-scope profile that was not sent. */
  exclude(reason: ExclusionReason, now: number): void {
    this.stats.counters.excluded++
    this.stats.excludedBy[reason] = (this.stats.excludedBy[reason] ?? 0) + 1
    const window = this.windowAt(now, now)
    window.received++
    window.excluded++
    const { code, message } = EXCLUSIONS[reason]
    bump(window.skipped, code, message)
    this.countersChanged = true
    this.sandbox.collection('flowStats').put(this.stats)
  }

  /** Adds an attempt and moves the record to its new state, counters and run window with it. */
  settle(doc: ExportDoc, attempt: AttemptDoc | null, settlement: Settlement, now: number): void {
    if (attempt) {
      doc.attempts = doc.attempts.length === 0 ? [attempt] : [...doc.attempts, attempt]
      if (attempt.response) doc.statusCode = attempt.response.status
    }
    const from = doc.state
    const to = settlement.state === 'resend' ? from : settlement.state
    doc.state = to
    doc.updatedAt = now
    doc.nextAttemptAt = settlement.state === 'retrying' ? settlement.nextAttemptAt : null
    if (settlement.state === 'failed') {
      doc.failureReason = settlement.reason
      doc.failureCode = settlement.code
    }
    if (from !== to) {
      const { counters } = this.stats
      counters[from]--
      counters[to]++
      if (isFinal(to)) {
        const window = this.windowAt(doc.createdAt, now)
        window.inFlight--
        if (settlement.state === 'failed') {
          window.failed++
          bump(window.failures, settlement.code, settlement.reason)
        } else {
          window.activated++
        }
      }
    }
    doc.rev = ++this.stats.rev
    this.log.touch(doc.seq)
    this.changed(doc)
  }

  /** Starts collecting changes for the live stream. */
  watch(): void {
    this.changes ??= new Set()
  }

  unwatch(): void {
    this.changes = null
    this.countersChanged = false
  }

  /** The records changed since the last call, and whether the counters changed. */
  takeChanges(): { docs: ExportDoc[]; countersChanged: boolean } {
    const docs = this.changes ? [...this.changes] : []
    this.changes?.clear()
    const countersChanged = this.countersChanged || docs.length > 0
    this.countersChanged = false
    return { docs, countersChanged }
  }

  /** Records newest first, below the `before` sequence number, matching `predicate`. */
  page(predicate: ExportPredicate, limit: number, before = Infinity) {
    const items: ExportDoc[] = []
    let more = false
    for (const doc of this.log.newestFirst(before)) {
      if (!predicate(doc)) continue
      if (items.length === limit) {
        more = true
        break
      }
      items.push(doc)
    }
    return { items, more }
  }

  /** Removes every record, the counters and the run windows. */
  drop(): void {
    this.log.drop()
    this.sandbox.collection('flowStats').delete(this.flowId)
    this.changes = null
  }

  private changed(doc: ExportDoc): void {
    this.changes?.add(doc)
    this.sandbox.collection('flowStats').put(this.stats)
  }

  private windowAt(time: number, now: number): RunWindow {
    const start = hourOf(time)
    const last = this.lastWindow
    if (last?.start === start) {
      last.updatedAt = now
      return last
    }
    const key = String(start)
    let window = this.stats.windows[key]
    if (!window) {
      window = emptyWindow(start)
      this.stats.windows[key] = window
    }
    window.updatedAt = now
    this.lastWindow = window
    return window
  }
}

/** What a row needs besides the record: the flow's id, destination, and the profile's identity. */
export interface SummaryContext {
  flowId: string
  destination: DestinationKind
  idOf: (doc: ExportDoc) => string
  /** The profile's identity as shown (`displayIdentity`), read when the row is made. */
  identityOf: (profileId: string) => string
}

/** A record as a row of the Exports tab. */
export function summarize(doc: ExportDoc, context: SummaryContext): ExportSummary {
  return {
    id: context.idOf(doc),
    seq: doc.seq,
    rev: doc.rev,
    flowId: context.flowId,
    profileId: doc.profileId,
    identity: context.identityOf(doc.profileId),
    destination: context.destination,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    trigger: doc.reasons[0]?.trigger ?? 'attribute',
    audienceIds: doc.audienceIds,
    state: doc.state,
    statusCode: doc.statusCode,
    attempts: doc.attempts.length,
    nextAttemptAt: doc.nextAttemptAt,
    failureReason: doc.failureReason,
  }
}
