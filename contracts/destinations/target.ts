import { z } from 'zod'
import { LIMITS, tooLong } from '../limits'
import type { EntryError } from './entries'
import { parseHeaders } from './headers'
import { parseQueryParameters } from './query'
import { checkHttpUrl } from './url'

const INCLUDE_SEGMENT_NAMES_HELP =
  'Toggle if you want the data export to include the names of the audiences you are exporting. View the documentation for a data export example with this option selected.'
const INCLUDE_SEGMENT_TIMESTAMPS_HELP =
  'Toggle if you want the data export to include the UNIX timestamp when the audiences were created and updated, as well as the UNIX timestamp when the audiences were mapped to the destination for activation. View the documentation for a data export example with this option selected.'

const segmentToggles = {
  includeSegmentNames: z
    .boolean()
    .default(false)
    .meta({ title: 'Include Segment Names', description: INCLUDE_SEGMENT_NAMES_HELP }),
  includeSegmentTimestamps: z
    .boolean()
    .default(false)
    .meta({ title: 'Include Segment Timestamps', description: INCLUDE_SEGMENT_TIMESTAMPS_HELP }),
}

const ENDPOINT_FIELD = { label: 'HTTP endpoint', example: 'https://webhook.example/profiles' }

/** Each problem of a list field as an issue on that field, with the entry in `params.entry`. */
function entryIssues(errors: readonly EntryError[], ctx: z.RefinementCtx<string>) {
  for (const { entry, message } of errors) {
    ctx.addIssue({ code: 'custom', message, params: { entry } })
  }
}

/**
 * Destination details (target connection `params`) of the HTTP API destination, in AEP's field
 * order. Headers and query parameters are validated entry by entry; a query parameter may not
 * repeat one the HTTP Endpoint URL already carries.
 */
export const httpApiTargetParamsSchema = z
  .strictObject({
    headers: z
      .string()
      .trim()
      .max(LIMITS.headers, { error: tooLong(LIMITS.headers), abort: true })
      .superRefine((value, ctx) => {
        const result = parseHeaders(value)
        if (!result.ok) entryIssues(result.errors, ctx)
      })
      .default('')
      .meta({
        title: 'Headers',
        description:
          'Enter any custom headers that you want to be included in the destination calls, following this format: `header1:value1,header2:value2,...headerN:valueN`',
      }),
    httpEndpoint: z
      .string({ error: 'Enter the HTTP endpoint.' })
      .trim()
      .min(1, { error: 'Enter the HTTP endpoint.', abort: true })
      .superRefine((value, ctx) => {
        const check = checkHttpUrl(value, ENDPOINT_FIELD)
        if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message })
      })
      .meta({
        title: 'HTTP Endpoint',
        description:
          'The URL of the HTTP endpoint where you want to send the profile data to. This is your data receiving endpoint and supports mTLS if configured.',
      }),
    queryParameters: z
      .string()
      .trim()
      .max(LIMITS.queryParameters, { error: tooLong(LIMITS.queryParameters), abort: true })
      .superRefine((value, ctx) => {
        const result = parseQueryParameters(value)
        if (!result.ok) entryIssues(result.errors, ctx)
      })
      .default('')
      .meta({
        title: 'Query parameters',
        description:
          'Optionally, you can add query parameters to the HTTP endpoint URL. Format the query parameters you use like this: `parameter1=value&parameter2=value`.',
      }),
    ...segmentToggles,
  })
  .superRefine((params, ctx) => {
    const endpoint = checkHttpUrl(params.httpEndpoint, ENDPOINT_FIELD)
    const query = parseQueryParameters(params.queryParameters)
    if (!endpoint.ok || !query.ok) return
    for (const { name } of query.parameters) {
      if (endpoint.url.searchParams.has(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['queryParameters'],
          message: `\`${name}\` is already in the HTTP Endpoint URL: set it in one place only`,
          params: { entry: name },
        })
      }
    }
  })

/** Destination details of Amazon Kinesis: the data stream Platform writes to. */
export const kinesisTargetParamsSchema = z.strictObject({
  stream: z
    .string({ error: 'Enter the stream name.' })
    .trim()
    .min(1, { error: 'Enter the stream name.', abort: true })
    .regex(
      /^[\w.-]{1,128}$/,
      'A stream name is 1 to 128 letters, digits, underscores (_), periods (.) and hyphens (-).',
    )
    .meta({
      title: 'stream',
      description:
        'Provide the name of your existing data stream in your Amazon Kinesis account. Platform will export data to this stream.',
    }),
  ...segmentToggles,
})

/** Destination details of Azure Event Hubs: the event hub Platform writes to. */
export const eventHubsTargetParamsSchema = z.strictObject({
  eventHubName: z
    .string({ error: 'Enter the event hub name.' })
    .trim()
    .min(1, { error: 'Enter the event hub name.', abort: true })
    .regex(
      /^[A-Za-z0-9](?:[\w.-]{0,254}[A-Za-z0-9])?$/,
      'An event hub name is 1 to 256 letters, digits, periods (.), underscores (_) and hyphens (-), starting and ending with a letter or digit.',
    )
    .meta({
      title: 'eventHubName',
      description: 'Fill in the Azure Event Hub name where Platform will stream your data.',
    }),
  ...segmentToggles,
})

export type HttpApiTargetParams = z.infer<typeof httpApiTargetParamsSchema>
export type HttpApiTargetParamsInput = z.input<typeof httpApiTargetParamsSchema>
export type KinesisTargetParams = z.infer<typeof kinesisTargetParamsSchema>
export type KinesisTargetParamsInput = z.input<typeof kinesisTargetParamsSchema>
export type EventHubsTargetParams = z.infer<typeof eventHubsTargetParamsSchema>
export type EventHubsTargetParamsInput = z.input<typeof eventHubsTargetParamsSchema>
