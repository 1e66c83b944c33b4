import type { AlertList, MarkAlertsRead } from '../../contracts/engine/alerts'
import { skippedRateAlerts, type RaisedAlert } from '../engine/rules/alerts'
import { problems } from '../http/problem'
import type { ServiceContext } from './entity'
import { runsOfFlow } from './runs'

/** The alerts the sandbox's dataflows raise now, newest run first, from their runs. */
function raisedAlerts(ctx: ServiceContext): RaisedAlert[] {
  return ctx.sandbox
    .collection('flows')
    .all()
    .flatMap((flow) => skippedRateAlerts(flow, runsOfFlow(ctx, flow)))
    .sort((a, b) => b.runStartedAt - a.runStartedAt || a.flowName.localeCompare(b.flowName))
}

const withReadState = (ctx: ServiceContext, raised: RaisedAlert[]): AlertList => {
  const reads = ctx.sandbox.collection('alertReads')
  const items = raised.map((alert) => ({ ...alert, read: reads.has(alert.id) }))
  return { items, unread: items.filter((alert) => !alert.read).length }
}

/** Every alert of the sandbox, with whether it was marked read. */
export function listAlerts(ctx: ServiceContext): AlertList {
  return withReadState(ctx, raisedAlerts(ctx))
}

/**
 * Marks alerts read: the ones named (each must be an alert of the sandbox, else nothing is
 * marked), or all of them. The marks of alerts that are gone (their dataflow deleted or no longer
 * subscribed, their run no longer over the threshold or past the runs kept) are dropped.
 */
export function markAlertsRead(ctx: ServiceContext, input: MarkAlertsRead): AlertList {
  const raised = raisedAlerts(ctx)
  const current = new Set(raised.map((alert) => alert.id))
  const unknown = (input.ids ?? []).flatMap((id, index) =>
    current.has(id)
      ? []
      : [{ path: `ids.${index}`, message: 'No alert of this sandbox has this id.' }],
  )
  if (unknown.length > 0) throw problems.invalidBody(unknown)
  const reads = ctx.sandbox.collection('alertReads')
  for (const doc of reads.all()) if (!current.has(doc.id)) reads.delete(doc.id)
  const readAt = ctx.clock.now()
  for (const id of input.ids ?? current) if (!reads.has(id)) reads.put({ id, readAt })
  return withReadState(ctx, raised)
}
