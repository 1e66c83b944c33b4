import type { SchemaField } from '../../../contracts/schema'

/** Top-level fields the streaming destinations export whole, so they are never mapped. */
const ALWAYS_EXPORTED: Record<string, string> = {
  identityMap:
    'Identities cannot be mapped to this destination: the whole identityMap is always exported.',
  segmentMembership: 'The audience memberships (segmentMembership) are always exported.',
}

/** Why a field is exported whole and never mapped (identityMap, segmentMembership), or null. */
export const alwaysExportedReason = (field: SchemaField): string | null =>
  ALWAYS_EXPORTED[field.path.split('.')[0] ?? ''] ?? null

/** Why a field cannot be mapped, or null when it can (scalars and arrays outside identityMap). */
export function notMappableReason(field: SchemaField): string | null {
  const always = alwaysExportedReason(field)
  if (always) return always
  if (field.type === 'object') return 'Expand the object and select one of its fields.'
  return null
}

/** The type as the picker shows it: `string`, `integer`, `array of string`, ... */
export const typeLabel = (field: SchemaField) =>
  field.type === 'array' && field.itemType ? `array of ${field.itemType}` : field.type

/** Every field of the tree, depth first. */
export function flatten(fields: readonly SchemaField[]): SchemaField[] {
  return fields.flatMap((f) => [f, ...flatten(f.children ?? [])])
}

/** The field at a dotted path, if the tree has one. */
export const findField = (fields: readonly SchemaField[], path: string) =>
  flatten(fields).find((f) => f.path === path)

const matches = (field: SchemaField, query: string) =>
  field.name.toLowerCase().includes(query) ||
  field.path.toLowerCase().includes(query) ||
  field.title.toLowerCase().includes(query)

export interface FilteredTree {
  fields: SchemaField[]
  /** The paths to expand so that every match shows: the ancestors of the matches. */
  expanded: Set<string>
}

/**
 * The tree narrowed to the fields whose name, title or path contains `search` (ignoring case),
 * with their ancestors; a matching object keeps its whole subtree. An empty search keeps all.
 */
export function filterTree(fields: readonly SchemaField[], search: string): FilteredTree {
  const query = search.trim().toLowerCase()
  const expanded = new Set<string>()
  if (!query) return { fields: [...fields], expanded }
  const visit = (nodes: readonly SchemaField[]): SchemaField[] =>
    nodes.flatMap((field) => {
      if (matches(field, query)) return [field]
      const children = visit(field.children ?? [])
      if (children.length === 0) return []
      expanded.add(field.path)
      return [{ ...field, children }]
    })
  return { fields: visit(fields), expanded }
}
