/** The tabs of the destination details page, by URL slug. */
export const DETAILS_TABS = [
  { key: 'runs', label: 'Dataflow runs' },
  { key: 'activation', label: 'Activation data' },
  { key: 'exports', label: 'Exports' },
] as const

export type DetailsTab = (typeof DETAILS_TABS)[number]['key']

/** The tab a URL names (the first when none), or null for a slug the page does not have. */
export function detailsTab(slug: string | undefined): DetailsTab | null {
  if (slug === undefined) return 'runs'
  return DETAILS_TABS.find((t) => t.key === slug)?.key ?? null
}
