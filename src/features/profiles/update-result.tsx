import { Content, Heading, InlineAlert } from '@adobe/react-spectrum'
import type { ExportReason } from '../../../contracts/engine/exports'
import type { ProfileUpdateResult } from '../../../contracts/engine/profiles'

const describeReason = (reason: ExportReason, audienceName: (id: string) => string) => {
  switch (reason.trigger) {
    case 'segment':
      return `${audienceName(reason.audienceId)}: ${reason.from} → ${reason.to}`
    case 'identity':
      return `identities changed (${[...reason.added.map((i) => `+${i}`), ...reason.removed.map((i) => `−${i}`)].join(', ')})`
    case 'attribute':
      return `mapped attribute ${reason.path} written`
    default:
      return `backfill of ${audienceName(reason.audienceId)}`
  }
}

const EXCLUSIONS = {
  'no-relevant-change': 'no mapped attribute, mapped audience or identity changed',
  'no-mapped-data': 'the profile has no mapped attribute and no identity to send',
} as const

interface UpdateResultProps {
  result: ProfileUpdateResult
  audienceName: (id: string) => string
  flowName: (id: string) => string
}

/** What the last update caused: audience changes and each dataflow's decision, with the why. */
export function UpdateResult({ result, audienceName, flowName }: UpdateResultProps) {
  const { memberships, exports, writtenPaths, identityChanged } = result.evaluation
  const wrote = [...writtenPaths, ...(identityChanged ? ['identityMap'] : [])]
  return (
    <InlineAlert variant={exports.some((e) => e.decision === 'export') ? 'positive' : 'info'}>
      <Heading>Update evaluated</Heading>
      <Content>
        <p>Wrote {wrote.length ? wrote.join(', ') : 'nothing'}.</p>
        <p>
          {memberships.length
            ? `Audiences: ${memberships.map((m) => `${audienceName(m.audienceId)} ${m.from} → ${m.to}`).join('; ')}.`
            : 'No audience membership changed.'}
        </p>
        <ul aria-label="Dataflow decisions">
          {exports.length === 0 && <li>No enabled dataflow has this profile in scope.</li>}
          {exports.map((decision) => (
            <li key={decision.flowId}>
              {decision.decision === 'export'
                ? `Exported to ${flowName(decision.flowId)}: ${decision.reasons.map((r) => describeReason(r, audienceName)).join('; ')}.`
                : `Excluded from ${flowName(decision.flowId)}: ${EXCLUSIONS[decision.reason]}.`}
            </li>
          ))}
        </ul>
      </Content>
    </InlineAlert>
  )
}
