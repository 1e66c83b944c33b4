import type { ReceiverLog } from '../../receiver/receiver-log'
import type { SandboxStore } from '../../store/collections'
import type { BackfillDoc } from '../../store/docs'
import { SegmentedLog } from '../../store/segmented-log'
import { madeBy } from './backfill-task'
import type { Deliverer } from './delivery'
import type { FlowRegistry } from './flow-registry'
import type { FlowRuntime } from './flow-runtime'

export interface ResumeContext {
  sandbox: SandboxStore
  flows: FlowRegistry
  deliverer: Deliverer
  receiver: ReceiverLog
  now: number
  startBackfill: (runtime: FlowRuntime, backfill: BackfillDoc, done: ReadonlySet<string>) => void
}

/**
 * What a sandbox's engine does when it is built on stored documents: loads the export logs,
 * queues every message not yet delivered or failed (a retry at its time), gives the receiver back
 * the bodies it stored as references, drops what deleted flows left, and resumes backfills,
 * skipping the profiles they already exported.
 */
export function resumeSandbox({
  sandbox,
  flows,
  deliverer,
  receiver,
  now,
  startBackfill,
}: ResumeContext): void {
  const flowDocs = sandbox.collection('flows')
  for (const [flowId, segments] of SegmentedLog.loadAll(sandbox.collection('exportSegments'))) {
    if (!flowDocs.has(flowId)) {
      for (const segment of segments) sandbox.collection('exportSegments').delete(segment.id)
      continue
    }
    const runtime = flows.create(flowId, segments)
    for (const doc of runtime.exports.unsettled()) {
      if (doc.nextAttemptAt === null) deliverer.enqueue(runtime, doc)
      else deliverer.later(runtime, doc, Math.max(0, doc.nextAttemptAt - now))
    }
  }
  receiver.resolveBodies(({ flowId, seq }) => flows.made(flowId)?.exports.log.get(seq)?.payload)
  for (const stats of sandbox.collection('flowStats').all()) {
    if (!flowDocs.has(stats.id)) sandbox.collection('flowStats').delete(stats.id)
  }
  for (const backfill of sandbox.collection('backfills').all()) {
    const runtime = flows.get(backfill.flowId)
    if (!runtime) {
      sandbox.collection('backfills').delete(backfill.id)
      continue
    }
    const done = new Set<string>()
    for (const record of runtime.exports.all()) {
      if (madeBy(backfill, record)) done.add(record.profileId)
    }
    startBackfill(runtime, backfill, done)
  }
}
