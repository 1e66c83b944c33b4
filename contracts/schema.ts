import { z } from 'zod'

/** The type of a schema field, as the mapping picker shows it. */
export const schemaFieldTypeSchema = z.enum([
  'object',
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'date-time',
  'array',
])
export type SchemaFieldType = z.infer<typeof schemaFieldTypeSchema>

/** The type of the items of an array field. */
export type SchemaItemType = Exclude<SchemaFieldType, 'object' | 'array'>

/** One field of the union schema; objects have `children`, arrays an `itemType`. */
export interface SchemaField {
  name: string
  /** Dotted path from the profile root, as used by mappings and PQL (`person.name.firstName`). */
  path: string
  type: SchemaFieldType
  title: string
  description: string
  children?: SchemaField[]
  itemType?: SchemaItemType
}

export const schemaFieldSchema: z.ZodType<SchemaField> = z.object({
  name: z.string(),
  path: z.string(),
  type: schemaFieldTypeSchema,
  title: z.string(),
  description: z.string(),
  get children() {
    return z.array(schemaFieldSchema).optional()
  },
  itemType: schemaFieldTypeSchema.exclude(['object', 'array']).optional(),
})

/** The union schema of the profile class, as `GET /data/foundation/schemaregistry/...` serves it. */
export const unionSchemaResponseSchema = z.object({
  $id: z.string(),
  title: z.string(),
  fields: z.array(schemaFieldSchema),
})

export type UnionSchemaResponse = z.infer<typeof unionSchemaResponseSchema>
