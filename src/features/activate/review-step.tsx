import { Badge, Content, Flex, Heading, InlineAlert, Text } from '@adobe/react-spectrum'
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import type { Flow } from '../../../contracts/flow-service'
import { findMarketingAction } from '../../../contracts/marketing-actions'
import { draftChanges, type ActivationDraft } from './activation-draft'

interface ReviewStepProps {
  flow: Flow
  spec: ConnectionSpec | undefined
  draft: ActivationDraft
  /** The API's words when Finish failed for another reason than a changed dataflow. */
  error: string | null
}

/** Review: what Finish activates, the marketing actions and the data usage policy check. */
export function ReviewStep({ flow, spec, draft, error }: ReviewStepProps) {
  const changes = draftChanges(draft)
  const added = new Set(changes.addedAudiences.map((a) => a.id))
  const addedPaths = new Set(changes.addedAttributes)
  const actions = flow.marketingActions.map((id) => findMarketingAction(id)?.label ?? id)
  const unchanged =
    changes.addedAudiences.length +
      changes.removedAudiences.length +
      changes.addedAttributes.length +
      changes.removedAttributes.length ===
    0

  return (
    <Flex direction="column" gap="size-250">
      <Heading level={2} margin={0}>
        Review
      </Heading>
      {error && (
        <InlineAlert variant="negative">
          <Heading>The activation was not saved</Heading>
          <Content>{error}</Content>
        </InlineAlert>
      )}
      <section aria-labelledby="review-destination" className="activate-review-section">
        <Heading level={3} id="review-destination" margin={0}>
          Destination
        </Heading>
        <Flex alignItems="center" gap="size-100" marginTop="size-100">
          {spec && <img src={spec.logo} alt="" width={24} height={24} />}
          <Text>
            {flow.name}
            {spec ? ` (${spec.name})` : ''}
          </Text>
        </Flex>
      </section>

      <section aria-labelledby="review-audiences" className="activate-review-section">
        <Heading level={3} id="review-audiences" margin={0}>
          Audiences ({draft.audiences.length})
        </Heading>
        <ul aria-labelledby="review-audiences" className="activate-review-list">
          {draft.audiences.map((a) => (
            <li key={a.id}>
              <Text>{a.name}</Text>
              {added.has(a.id) ? (
                <Badge variant="positive">New</Badge>
              ) : (
                <Badge variant="neutral">Activated</Badge>
              )}
            </li>
          ))}
        </ul>
        {changes.removedAudiences.length > 0 && (
          <Text UNSAFE_className="activate-review-removed">
            Removed: {changes.removedAudiences.map((a) => a.name).join(', ')}
          </Text>
        )}
      </section>

      <section aria-labelledby="review-attributes" className="activate-review-section">
        <Heading level={3} id="review-attributes" margin={0}>
          Mapped attributes ({draft.attributes.length})
        </Heading>
        {draft.attributes.length ? (
          <ul aria-labelledby="review-attributes" className="activate-review-list">
            {draft.attributes.map((path) => (
              <li key={path}>
                <code>{path}</code>
                {addedPaths.has(path) && <Badge variant="positive">New</Badge>}
              </li>
            ))}
          </ul>
        ) : (
          <Text>
            No attributes: only the identityMap and the audience memberships are exported.
          </Text>
        )}
        {changes.removedAttributes.length > 0 && (
          <Text UNSAFE_className="activate-review-removed">
            Removed: {changes.removedAttributes.join(', ')}
          </Text>
        )}
        <Text UNSAFE_className="activate-review-note">
          The whole identityMap of every exported profile is always exported.
        </Text>
      </section>

      <section aria-labelledby="review-actions" className="activate-review-section">
        <Heading level={3} id="review-actions" margin={0}>
          Marketing actions
        </Heading>
        <Text>{actions.length ? actions.join(', ') : 'None selected for this destination.'}</Text>
      </section>

      <section aria-labelledby="review-policy" className="activate-review-section">
        <Heading level={3} id="review-policy" margin={0}>
          Data usage policy check
        </Heading>
        <Flex alignItems="center" gap="size-100" marginTop="size-100">
          <CheckmarkCircle color="positive" aria-hidden="true" />
          <Text>
            <strong>No policy violations</strong>
          </Text>
        </Flex>
        <Text UNSAFE_className="activate-review-note">
          None of the mapped attributes or audiences carries a data usage label in this
          organization, so no policy restricts these marketing actions. Consent policy evaluation is
          not supported for {spec?.name ?? 'this destination'}, as for every streaming profile
          export destination (HTTP API, Amazon Kinesis, Azure Event Hubs).
        </Text>
      </section>

      {unchanged && (
        <InlineAlert variant="info">
          <Heading>Nothing changes</Heading>
          <Content>
            These are the audiences and attributes the destination exports already. Finish leaves
            the dataflow as it is.
          </Content>
        </InlineAlert>
      )}
    </Flex>
  )
}
