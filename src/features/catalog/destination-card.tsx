import { Button } from '@adobe/react-spectrum'
import { useId } from 'react'
import { useNavigate } from 'react-router-dom'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import { paths } from '../../lib/paths'
import { primaryAction } from './catalog-filters'

interface DestinationCardProps {
  spec: ConnectionSpec
  sandbox: string
  connected: boolean
  selected: boolean
  onSelect: () => void
}

/** A catalog card: logo, name, category, short description and the primary action. */
export function DestinationCard({
  spec,
  sandbox,
  connected,
  selected,
  onSelect,
}: DestinationCardProps) {
  const navigate = useNavigate()
  const titleId = useId()
  const action = primaryAction(spec, connected)
  const target = connected
    ? paths.destinations.activate(sandbox, spec.id)
    : paths.destinations.connect(sandbox, spec.id)
  return (
    <article
      className="catalog-card"
      aria-labelledby={titleId}
      data-selected={selected || undefined}
    >
      <button
        type="button"
        className="catalog-card-summary"
        onClick={onSelect}
        aria-expanded={selected}
        aria-label={`${spec.name} details`}
      >
        <img src={spec.logo} alt="" width={40} height={40} />
        <span className="catalog-card-title" id={titleId}>
          {spec.name}
        </span>
        <span className="catalog-card-category">{spec.attributes.category}</span>
        <span className="catalog-card-description">{spec.description}</span>
      </button>
      <div className="catalog-card-actions">
        <Button variant={connected ? 'accent' : 'secondary'} onPress={() => void navigate(target)}>
          {action}
        </Button>
      </div>
    </article>
  )
}
