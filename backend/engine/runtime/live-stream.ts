import { EXPORT_STREAM_EVENTS, type ExportStreamBatch } from '../../../contracts/engine/exports'
import type { Cancel, Scheduler } from '../../lib/clock'
import {
  summarize,
  type ExportPredicate,
  type FlowExports,
  type SummaryContext,
} from './flow-exports'

/** One event per this many ms at most, carrying every change since the last one. */
export const STREAM_TICK_MS = 100
/** A heartbeat after this long without an event. */
export const HEARTBEAT_MS = 5000
/** Summaries one event carries at most; beyond, the event says `overflow`. */
export const MAX_BATCH = 1000

/** Sends one server-sent event; false when the client is gone or not reading. */
export type SendEvent = (event: string, data: unknown) => boolean

/** A dataflow whose changes can be watched. */
export interface WatchedFlow {
  readonly exports: FlowExports
  summaryContext(): SummaryContext
}

interface Watcher {
  flow: WatchedFlow
  predicate: ExportPredicate
  send: SendEvent
  lastSentAt: number
}

/**
 * The live stream of the Exports tab: each watcher gets one event per tick with the summaries of
 * every record of its flow created or changed since the last tick (matching its filters) and the
 * counters, a heartbeat when nothing changed for a while, and `closed` when the flow is gone.
 * Nothing is collected while nobody watches, and the ticker runs only while someone does.
 */
export class LiveStreams {
  private readonly watchers = new Set<Watcher>()
  private cancelTick: Cancel | null = null

  constructor(private readonly clock: Scheduler) {}

  /** Starts a watch; the first event (no items, the counters) goes out at once. */
  watch(flow: WatchedFlow, predicate: ExportPredicate, send: SendEvent): () => void {
    const watcher: Watcher = { flow, predicate, send, lastSentAt: this.clock.now() }
    flow.exports.watch()
    this.watchers.add(watcher)
    this.emit(watcher, {
      at: this.clock.now(),
      items: [],
      counters: flow.exports.stats.counters,
      overflow: false,
    })
    this.startTicking()
    return () => this.remove(watcher)
  }

  /** Ends the watches of a flow that is gone. */
  close(flow: WatchedFlow): void {
    for (const watcher of this.watchers) {
      if (watcher.flow !== flow) continue
      watcher.send(EXPORT_STREAM_EVENTS.closed, { at: this.clock.now() })
      this.remove(watcher)
    }
  }

  dispose(): void {
    for (const watcher of this.watchers) {
      watcher.send(EXPORT_STREAM_EVENTS.closed, { at: this.clock.now() })
      this.remove(watcher)
    }
  }

  private remove(watcher: Watcher): void {
    if (!this.watchers.delete(watcher)) return
    if (!this.watching(watcher.flow)) watcher.flow.exports.unwatch()
    if (this.watchers.size === 0) {
      this.cancelTick?.()
      this.cancelTick = null
    }
  }

  private watching(flow: WatchedFlow): boolean {
    for (const watcher of this.watchers) if (watcher.flow === flow) return true
    return false
  }

  private startTicking(): void {
    if (this.cancelTick) return
    this.cancelTick = this.clock.schedule(() => this.tick(), STREAM_TICK_MS)
  }

  private tick(): void {
    this.cancelTick = null
    const now = this.clock.now()
    const byFlow = new Map<WatchedFlow, Watcher[]>()
    for (const watcher of this.watchers) {
      const list = byFlow.get(watcher.flow)
      if (list) list.push(watcher)
      else byFlow.set(watcher.flow, [watcher])
    }
    for (const [flow, watchers] of byFlow) {
      const { docs, countersChanged } = flow.exports.takeChanges()
      docs.sort((a, b) => b.seq - a.seq)
      const context = flow.summaryContext()
      const { counters } = flow.exports.stats
      for (const watcher of watchers) {
        const matching = docs.filter(watcher.predicate)
        if (matching.length > 0 || countersChanged) {
          this.emit(watcher, {
            at: now,
            items: matching.slice(0, MAX_BATCH).map((doc) => summarize(doc, context)),
            counters,
            overflow: matching.length > MAX_BATCH,
          })
        } else if (now - watcher.lastSentAt >= HEARTBEAT_MS) {
          if (watcher.send(EXPORT_STREAM_EVENTS.heartbeat, { at: now })) watcher.lastSentAt = now
          else this.remove(watcher)
        }
      }
    }
    if (this.watchers.size > 0) this.startTicking()
  }

  private emit(watcher: Watcher, batch: ExportStreamBatch): void {
    if (watcher.send(EXPORT_STREAM_EVENTS.exports, batch)) watcher.lastSentAt = batch.at
    else this.remove(watcher)
  }
}
