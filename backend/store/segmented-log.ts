import type { Collection, DocCodec } from './database'

/** An entry of a segmented log: numbered 1, 2, 3... in order of appending. */
export interface LogEntry {
  seq: number
}

/** One persisted segment: up to `size` consecutive entries of one log. */
export interface SegmentDoc<T extends LogEntry> {
  id: string
  /** The log this segment belongs to (a flow id, an endpoint, a stream). */
  log: string
  /** The segment's number: entry `seq` lives in segment `floor((seq - 1) / size)`. */
  no: number
  entries: T[]
}

/** Entries per segment of the engine's logs (docs/engine.md, "Persistence"). */
export const SEGMENT_SIZE = 100

/** How a log's entries are stored: each as a row of values, which serializes much faster. */
export interface EntryCodec<T extends LogEntry, R> {
  encode(entry: T): R
  decode(row: R): T
  /** Whether the entry can no longer change. */
  isFinal(entry: T): boolean
}

/** A segment as stored: its entries as rows. */
interface StoredSegment<R> {
  id: string
  log: string
  no: number
  rows: R[]
}

const isStoredSegment = <R>(stored: unknown): stored is StoredSegment<R> =>
  typeof stored === 'object' && stored !== null && 'rows' in stored

/**
 * The codec of a collection of segments of `size` entries: a segment is stored with its entries
 * as rows, a new snapshot. A full segment whose entries are all final no longer changes, so it is
 * encoded only when persistence copies it. Segments stored with their entries as objects (before
 * rows were used) load as they are.
 */
export function segmentCodec<T extends LogEntry, R>(
  entries: EntryCodec<T, R>,
  size = SEGMENT_SIZE,
): DocCodec<SegmentDoc<T>> {
  return {
    isFinal: (segment) =>
      segment.entries.length === size && segment.entries.every((entry) => entries.isFinal(entry)),
    encode: ({ id, log, no, entries: list }): StoredSegment<R> => ({
      id,
      log,
      no,
      rows: list.map((entry) => entries.encode(entry)),
    }),
    decode: (stored) =>
      isStoredSegment<R>(stored)
        ? {
            id: stored.id,
            log: stored.log,
            no: stored.no,
            entries: stored.rows.map((row) => entries.decode(row)),
          }
        : (stored as SegmentDoc<T>),
  }
}

export interface SegmentedLogOptions<T extends LogEntry> {
  /** Entries per segment: one document, written whole when any of its entries changes. */
  segmentSize: number
  /** The newest entries kept; older ones are dropped a whole segment at a time. */
  retain: number
  /** Whether an entry may be dropped (one still in delivery may not). */
  evictable?: (entry: T) => boolean
  /** Called with the entries of each segment dropped, before it goes. */
  onDrop?: (entries: readonly T[]) => void
}

/**
 * An append-only log kept in memory and persisted as segment documents of a collection, so that
 * appending many small entries costs a few large writes instead of many small ones (IndexedDB
 * pays per put). An entry changed in place is persisted by `touch`. The log keeps about the newest
 * `retain` entries: the oldest segment goes once it is full, only evictable entries remain in it
 * and the rest still hold `retain` entries.
 */
export class SegmentedLog<T extends LogEntry> {
  private readonly segments: SegmentDoc<T>[]
  private lastSeq: number

  constructor(
    private readonly collection: Collection<SegmentDoc<T>>,
    readonly name: string,
    private readonly options: SegmentedLogOptions<T>,
    loaded: SegmentDoc<T>[] = [],
  ) {
    this.segments = [...loaded].sort((a, b) => a.no - b.no)
    this.lastSeq = this.segments.at(-1)?.entries.at(-1)?.seq ?? 0
  }

  /** Every segment of every log in the collection, by log name. */
  static loadAll<T extends LogEntry>(
    collection: Collection<SegmentDoc<T>>,
  ): Map<string, SegmentDoc<T>[]> {
    const byLog = new Map<string, SegmentDoc<T>[]>()
    for (const segment of collection.values()) {
      const list = byLog.get(segment.log)
      if (list) list.push(segment)
      else byLog.set(segment.log, [segment])
    }
    return byLog
  }

  /** The number the next entry gets; also how many entries were ever appended. */
  get nextSeq(): number {
    return this.lastSeq + 1
  }

  get total(): number {
    return this.lastSeq
  }

  /** How many entries are kept now. */
  get size(): number {
    const first = this.segments[0]?.entries[0]?.seq
    return first === undefined ? 0 : this.lastSeq - first + 1
  }

  /** Appends an entry numbered `nextSeq` and persists its segment. */
  append(entry: T): void {
    if (entry.seq !== this.lastSeq + 1) {
      throw new Error(`Log ${this.name}: entry ${entry.seq} appended after ${this.lastSeq}`)
    }
    const no = this.segmentNo(entry.seq)
    let tail = this.segments.at(-1)
    if (!tail || tail.no !== no) {
      tail = { id: `${this.name}#${no}`, log: this.name, no, entries: [] }
      this.segments.push(tail)
    }
    tail.entries.push(entry)
    this.lastSeq = entry.seq
    this.collection.put(tail)
    this.evict()
  }

  /** Persists the segment of an entry changed in place. */
  touch(seq: number): void {
    const segment = this.segmentOf(seq)
    if (segment) this.collection.put(segment)
  }

  get(seq: number): T | undefined {
    const segment = this.segmentOf(seq)
    return segment?.entries[seq - 1 - segment.no * this.options.segmentSize]
  }

  /** Entries from the newest back, starting below `before` (exclusive) when given. */
  *newestFirst(before = Infinity): Generator<T> {
    for (let s = this.segments.length - 1; s >= 0; s--) {
      const { entries } = this.segments[s]
      for (let i = entries.length - 1; i >= 0; i--) {
        if (entries[i].seq < before) yield entries[i]
      }
    }
  }

  /** Every kept entry, oldest first. */
  *all(): Generator<T> {
    for (const segment of this.segments) yield* segment.entries
  }

  /** Drops every segment from memory and persistence. */
  drop(): void {
    for (const segment of this.segments) {
      this.options.onDrop?.(segment.entries)
      this.collection.delete(segment.id)
    }
    this.segments.length = 0
  }

  private segmentNo(seq: number): number {
    return Math.floor((seq - 1) / this.options.segmentSize)
  }

  private segmentOf(seq: number): SegmentDoc<T> | undefined {
    const first = this.segments[0]
    if (!first || seq < 1 || seq > this.lastSeq) return undefined
    return this.segments[this.segmentNo(seq) - first.no]
  }

  private evict(): void {
    const { segmentSize, retain, evictable, onDrop } = this.options
    while (this.segments.length > 1) {
      const oldest = this.segments[0]
      const remaining = this.size - oldest.entries.length
      if (oldest.entries.length < segmentSize || remaining < retain) return
      if (evictable && !oldest.entries.every(evictable)) return
      onDrop?.(oldest.entries)
      this.segments.shift()
      this.collection.delete(oldest.id)
    }
  }
}
