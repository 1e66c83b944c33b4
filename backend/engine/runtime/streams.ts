import type { StreamPlacement } from '../../../contracts/engine/exports'
import type { StreamKind, StreamRecords } from '../../../contracts/engine/streams'
import type { Clock } from '../../lib/clock'
import type { SandboxStore } from '../../store/collections'
import { SEGMENT_SIZE, SegmentedLog, type SegmentDoc } from '../../store/segmented-log'
import type { StreamRecordDoc } from '../../store/docs'

/** The newest records kept per stream (docs/engine.md, "Memory"). */
export const STREAM_RETAIN = 25_000
/** Shards of every in-app Kinesis stream, partitions of every in-app event hub. */
export const SHARD_COUNT = 4

const streamKey = (kind: StreamKind, name: string) => `${kind}/${name}`

/** A partition key's shard: records with the same key keep their order, as in Kinesis. */
export function shardOf(partitionKey: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < partitionKey.length; i++) {
    hash ^= partitionKey.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % SHARD_COUNT
}

/**
 * Kinesis shard ids and 56-digit sequence numbers that grow within a shard; Event Hubs partition
 * ids and per-partition sequence numbers from 0.
 */
export function placementIds(kind: StreamKind, shard: number, sequence: number) {
  return kind === 'kinesis'
    ? {
        shardId: `shardId-${String(shard).padStart(12, '0')}`,
        sequenceNumber: `49${String(shard).padStart(2, '0')}${String(sequence).padStart(52, '0')}`,
      }
    : { shardId: String(shard), sequenceNumber: String(sequence - 1) }
}

/**
 * The in-app Amazon Kinesis streams and Azure event hubs of one sandbox. A stream exists as soon
 * as something is written to it. Records are persisted in segments with the export record that
 * wrote them, in the same commit.
 */
export class StreamStore {
  private readonly logs = new Map<string, SegmentedLog<StreamRecordDoc>>()

  constructor(
    private readonly sandbox: SandboxStore,
    private readonly clock: Clock,
  ) {
    const loaded = SegmentedLog.loadAll(sandbox.collection('streamSegments'))
    for (const [name, segments] of loaded) this.logs.set(name, this.open(name, segments))
  }

  /** Writes one record (PutRecord, or an event sent to a hub) and says where it landed. */
  put(kind: StreamKind, name: string, partitionKey: string, data: string): StreamPlacement {
    const key = streamKey(kind, name)
    const states = this.sandbox.collection('streamStates')
    const state = states.get(key) ?? { id: key, shardSequences: Array<number>(SHARD_COUNT).fill(0) }
    const shard = shardOf(partitionKey)
    const sequence = ++state.shardSequences[shard]
    states.put(state)
    const ids = placementIds(kind, shard, sequence)
    let log = this.logs.get(key)
    if (!log) {
      log = this.open(key, [])
      this.logs.set(key, log)
    }
    log.append({
      seq: log.nextSeq,
      at: this.clock.now(),
      kind,
      name,
      partitionKey,
      ...ids,
      data,
    })
    return { kind, name, partitionKey, ...ids }
  }

  /** The newest records of a stream, newest first. */
  records(kind: StreamKind, name: string, limit: number): StreamRecords {
    const log = this.logs.get(streamKey(kind, name))
    const items: StreamRecordDoc[] = []
    if (log) {
      for (const record of log.newestFirst()) {
        if (items.length >= limit) break
        items.push(record)
      }
    }
    return { kind, name, items, total: log?.total ?? 0 }
  }

  private open(name: string, segments: SegmentDoc<StreamRecordDoc>[]) {
    return new SegmentedLog(
      this.sandbox.collection('streamSegments'),
      name,
      { segmentSize: SEGMENT_SIZE, retain: STREAM_RETAIN },
      segments,
    )
  }
}
