import type { ConnectionSpec } from '../../../contracts/connection-spec'

export interface CatalogFilters {
  search: string
  categories: string[]
  mine: boolean
}

/** The destinations that match the search, the categories and All / My destinations. */
export function filterDestinations(
  specs: ConnectionSpec[],
  connectedSpecIds: ReadonlySet<string>,
  { search, categories, mine }: CatalogFilters,
): ConnectionSpec[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  return specs.filter((spec) => {
    if (!spec.attributes.isDestination) return false
    if (mine && !connectedSpecIds.has(spec.id)) return false
    if (categories.length && !categories.includes(spec.attributes.category)) return false
    const text = `${spec.name} ${spec.description} ${spec.attributes.category}`.toLowerCase()
    return words.every((word) => text.includes(word))
  })
}

/** The card's primary action, as AEP labels it. */
export function primaryAction(spec: ConnectionSpec, connected: boolean): string {
  if (!connected) return 'Set up'
  const { supportsAudiences, supportsDatasets } = spec.attributes
  if (supportsAudiences && supportsDatasets) return 'Activate'
  return supportsAudiences ? 'Activate audiences' : 'Export datasets'
}

/** Categories with how many destinations each has, in alphabetical order. */
export function categoryCounts(specs: ConnectionSpec[]): { name: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const spec of specs) {
    if (!spec.attributes.isDestination) continue
    counts.set(spec.attributes.category, (counts.get(spec.attributes.category) ?? 0) + 1)
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
