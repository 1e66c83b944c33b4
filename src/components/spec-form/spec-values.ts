import type { JsonSchemaObject, JsonSchemaProperty } from '../../../contracts/connection-spec'

/** Plain helpers over a connection spec's JSON Schema, shared by the fields and the forms. */

export interface Choice {
  key: string
  title: string
}

/** The options of a choice property (`oneOf` of `const` + `title`, or `enum`), or null. */
export function choicesOf(property: JsonSchemaProperty): Choice[] | null {
  if (property.oneOf)
    return property.oneOf.map((o) => ({ key: o.const, title: o.title ?? o.const }))
  if (property.enum) return property.enum.map((v) => ({ key: String(v), title: String(v) }))
  return null
}

/** The names of the secret properties (`writeOnly`): masked on screen, never stored in drafts. */
export function secretKeys(schema: JsonSchemaObject): string[] {
  return Object.entries(schema.properties)
    .filter(([, property]) => property.writeOnly)
    .map(([key]) => key)
}

/**
 * Starting values for a spec's fields: the schema's defaults, `false` for toggles, an empty
 * string for text and `null` (nothing selected) for choices without a default.
 */
export function specDefaults(schema: JsonSchemaObject): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => {
      if (property.default !== undefined) return [key, property.default]
      if (property.type === 'boolean') return [key, false]
      if (choicesOf(property) || property.type === 'number' || property.type === 'integer') {
        return [key, null]
      }
      return [key, '']
    }),
  )
}
