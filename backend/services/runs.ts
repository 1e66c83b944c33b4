import type { Run } from '../../contracts/engine/runs'
import type { LastRunDetails } from '../../contracts/flow-service'
import { lastRunOf, runsOf, type RunSource } from '../engine/rules/runs'
import { DEMO_ORG, type FlowDoc } from '../store/collections'
import type { ServiceContext } from './entity'
import { findFlowSpec } from './specs'
import { problems } from '../http/problem'

const isDestinationFlow = (flow: FlowDoc) =>
  findFlowSpec(flow.flowSpec.id)?.attributes.isDestinationFlow ?? false

const sourceOf = (ctx: ServiceContext, flow: FlowDoc): RunSource => ({
  flowId: flow.id,
  flowSpec: flow.flowSpec,
  createdAt: flow.createdAt,
  sandboxName: ctx.sandbox.name,
  imsOrgId: DEMO_ORG.imsOrgId,
})

/** The hourly runs of one dataflow, newest first, computed when read; none if it is no destination's. */
export function runsOfFlow(ctx: ServiceContext, flow: FlowDoc): Run[] {
  if (!isDestinationFlow(flow)) return []
  return runsOf(
    sourceOf(ctx, flow),
    ctx.sandbox.collection('flowStats').get(flow.id),
    ctx.clock.now(),
  )
}

/**
 * Every hourly run of every destination dataflow (filter with `property=flowId==...`), newest
 * first, computed when read from the flows' run windows.
 */
export function listRuns(ctx: ServiceContext): Run[] {
  return ctx.sandbox
    .collection('flows')
    .all()
    .flatMap((flow) => runsOfFlow(ctx, flow))
    .sort((a, b) => b.createdAt - a.createdAt)
}

/** One run by id, in the list shape of the reference. */
export function getRun(ctx: ServiceContext, id: string): Run {
  const run = listRuns(ctx).find((r) => r.id === id)
  if (!run) throw problems.notFound('run', id)
  return run
}

/** The latest run of a destination dataflow (Browse's last-run columns), or undefined. */
export function lastRun(ctx: ServiceContext, flow: FlowDoc): LastRunDetails | undefined {
  if (!isDestinationFlow(flow)) return undefined
  return lastRunOf(
    sourceOf(ctx, flow),
    ctx.sandbox.collection('flowStats').get(flow.id),
    ctx.clock.now(),
  )
}
