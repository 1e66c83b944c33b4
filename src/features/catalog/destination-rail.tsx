import {
  ActionButton,
  Button,
  ButtonGroup,
  Divider,
  Heading,
  Link,
  Text,
} from '@adobe/react-spectrum'
import Close from '@spectrum-icons/workflow/Close'
import { useNavigate } from 'react-router-dom'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import { paths } from '../../lib/paths'
import { primaryAction } from './catalog-filters'

interface DestinationRailProps {
  spec: ConnectionSpec
  sandbox: string
  connected: boolean
  onClose: () => void
}

/** The right rail a card click opens: description, category, type and the same controls. */
export function DestinationRail({ spec, sandbox, connected, onClose }: DestinationRailProps) {
  const navigate = useNavigate()
  const target = connected
    ? paths.destinations.activate(sandbox, spec.id)
    : paths.destinations.connect(sandbox, spec.id)
  return (
    <aside className="catalog-rail" aria-label={`${spec.name} details`}>
      <div className="catalog-rail-header">
        <img src={spec.logo} alt="" width={48} height={48} />
        <Heading level={2} margin={0}>
          {spec.name}
        </Heading>
        <ActionButton isQuiet aria-label="Close details" onPress={onClose}>
          <Close />
        </ActionButton>
      </div>
      <Text>{spec.description}</Text>
      <Divider size="S" marginY="size-200" />
      <dl className="catalog-rail-facts">
        <dt>Category</dt>
        <dd>{spec.attributes.category}</dd>
        <dt>Type</dt>
        <dd>{spec.attributes.frequency === 'Streaming' ? 'Streaming' : 'Batch (file-based)'}</dd>
        <dt>Connection type</dt>
        <dd>{spec.attributes.connectionType}</dd>
        <dt>Supports</dt>
        <dd>
          {[
            spec.attributes.supportsAudiences && 'Audiences',
            spec.attributes.supportsDatasets && 'Datasets',
          ]
            .filter(Boolean)
            .join(', ')}
        </dd>
        <dt>Connection</dt>
        <dd>{connected ? 'Connected' : 'Not connected yet'}</dd>
      </dl>
      <ButtonGroup marginTop="size-200">
        <Button variant="accent" onPress={() => void navigate(target)}>
          {primaryAction(spec, connected)}
        </Button>
      </ButtonGroup>
      {spec.attributes.documentationUrl && (
        <Text UNSAFE_className="catalog-rail-doc">
          <Link href={spec.attributes.documentationUrl} target="_blank" rel="noopener noreferrer">
            View documentation
          </Link>
        </Text>
      )}
    </aside>
  )
}
