import { z } from 'zod'

/** Well-known spec ids (Flow Service). The HTTP API destination's id is not public: ours is made up. */
export const SPEC_IDS = {
  httpApi: 'a1f3c9b2-6d4e-4f7a-9c2b-7e5d1a0f4b6c',
  kinesis: '86043421-563b-46ec-8e6c-e23184711bf6',
  eventHubs: 'bf9f5905-92b7-48bf-bf20-455bc6b60a4e',
  campaign: '0b23e41a-cb4a-4321-a78f-3b654f5d7d97',
  s3: '4fce964d-3f37-408f-9778-e597338a21ee',
  sftp: '36965a81-b1c6-401b-99f8-22508f1e6a26',
  profileStore: '8a9c3494-9708-43d7-ae3f-cda01e5030e1',
  httpApiSource: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb',
  dataLake: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c',
} as const

export const FLOW_SPEC_IDS = {
  profileDestinations: '71471eba-b620-49e4-90fd-23f1fa0174d8',
  httpApiSource: 'd8a6f005-7eaf-4153-983e-e8574508b877',
  httpApiSourceMapping: 'c1a19761-d2c7-4702-b9fa-fe91f0613e81',
} as const

/** The subset of JSON Schema the specs use to describe a form's fields. */
export interface JsonSchemaProperty {
  type?: string
  title?: string
  description?: string
  enum?: (string | number | boolean)[]
  oneOf?: { const: string; title?: string }[]
  default?: unknown
  writeOnly?: boolean
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
}

export const jsonSchemaObjectSchema = z.looseObject({
  type: z.literal('object'),
  properties: z.record(
    z.string(),
    z.custom<JsonSchemaProperty>((v) => typeof v === 'object'),
  ),
  required: z.array(z.string()).optional(),
})

export const authSpecSchema = z.object({
  name: z.string(),
  type: z.string(),
  spec: jsonSchemaObjectSchema,
})

export const connectionSpecSchema = z.object({
  id: z.string(),
  name: z.string(),
  providerId: z.string(),
  version: z.string(),
  description: z.string(),
  logo: z.string(),
  attributes: z.object({
    isSource: z.boolean(),
    isDestination: z.boolean(),
    category: z.string(),
    frequency: z.enum(['Streaming', 'Batch']),
    connectionType: z.string(),
    documentationUrl: z.string().optional(),
    supportsAudiences: z.boolean(),
    supportsDatasets: z.boolean(),
  }),
  authSpec: z.array(authSpecSchema),
  targetSpec: z
    .object({ name: z.string(), type: z.string(), spec: jsonSchemaObjectSchema })
    .nullable(),
})

export const flowSpecSchema = z.object({
  id: z.string(),
  name: z.string(),
  providerId: z.string(),
  version: z.string(),
  sourceConnectionSpecIds: z.array(z.string()),
  targetConnectionSpecIds: z.array(z.string()),
  transformationSpecs: z.array(z.object({ name: z.string() })),
  attributes: z.looseObject({ isDestinationFlow: z.boolean() }),
})

export type JsonSchemaObject = z.infer<typeof jsonSchemaObjectSchema>
export type AuthSpec = z.infer<typeof authSpecSchema>
export type ConnectionSpec = z.infer<typeof connectionSpecSchema>
export type FlowSpec = z.infer<typeof flowSpecSchema>
