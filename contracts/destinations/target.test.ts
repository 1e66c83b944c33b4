import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { LIMITS } from '../limits'
import {
  eventHubsTargetParamsSchema,
  httpApiTargetParamsSchema,
  kinesisTargetParamsSchema,
} from './target'

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input)
  if (result.success) throw new Error('expected issues')
  return result.error.issues.map(({ path, message }) => ({ path, message }))
}

const jsonObject = z.looseObject({
  properties: z.record(
    z.string(),
    z.looseObject({ title: z.string().optional(), description: z.string().optional() }),
  ),
  required: z.array(z.string()).optional(),
})

/** The JSON Schema of a form's input, as the connection specs serve it. */
function jsonSchemaOf(schema: z.ZodType) {
  return jsonObject.parse(z.toJSONSchema(schema, { io: 'input' }))
}

const endpoint = 'https://webhook.example/profiles'

describe('httpApiTargetParamsSchema', () => {
  it('fills in the optional fields', () => {
    expect(httpApiTargetParamsSchema.parse({ httpEndpoint: ` ${endpoint} ` })).toEqual({
      httpEndpoint: endpoint,
      headers: '',
      queryParameters: '',
      includeSegmentNames: false,
      includeSegmentTimestamps: false,
    })
  })

  it('accepts valid headers and query parameters', () => {
    const params = {
      httpEndpoint: `${endpoint}?source=aep`,
      headers: 'x-team:growth,x-time:12:30',
      queryParameters: 'tenant=acme&sig=a==',
      includeSegmentNames: true,
      includeSegmentTimestamps: true,
    }
    expect(httpApiTargetParamsSchema.parse(params)).toEqual(params)
  })

  it.each([
    [undefined, 'Enter the HTTP endpoint.'],
    ['  ', 'Enter the HTTP endpoint.'],
    ['webhook', 'Enter the HTTP endpoint as a full URL, such as https://webhook.example/profiles.'],
    ['ftp://webhook.example/', 'The HTTP endpoint must start with http:// or https://.'],
    [`${endpoint}#part`, 'The HTTP endpoint cannot contain a fragment (the part after #).'],
  ])('rejects the endpoint %j', (httpEndpoint, message) => {
    expect(issuesOf(httpApiTargetParamsSchema, { httpEndpoint })).toEqual([
      { path: ['httpEndpoint'], message },
    ])
  })

  it('reports every header problem on the headers field, naming the entry', () => {
    const result = httpApiTargetParamsSchema.safeParse({
      httpEndpoint: endpoint,
      headers: 'x-team,Host:h,x-a:1,X-A:2',
    })
    expect(result.success).toBe(false)
    expect(
      result.error?.issues.map((issue) => ({
        path: issue.path,
        message: issue.message,
        entry: issue.code === 'custom' ? issue.params?.entry : undefined,
      })),
    ).toEqual([
      { path: ['headers'], message: '`x-team` has no value', entry: 'x-team' },
      {
        path: ['headers'],
        message:
          '`Host` cannot be set: it is a forbidden request header that browsers and HTTP clients set themselves',
        entry: 'Host:h',
      },
      { path: ['headers'], message: '`X-A` appears more than once', entry: 'X-A:2' },
    ])
  })

  it('reports query parameter problems on the query parameters field', () => {
    expect(
      issuesOf(httpApiTargetParamsSchema, { httpEndpoint: endpoint, queryParameters: 'flag&q=%' }),
    ).toEqual([
      { path: ['queryParameters'], message: '`flag` has no value' },
      {
        path: ['queryParameters'],
        message: '`q` has a malformed percent escape: write a literal % as %25',
      },
    ])
  })

  it('rejects a query parameter the endpoint already carries', () => {
    expect(
      issuesOf(httpApiTargetParamsSchema, {
        httpEndpoint: `${endpoint}?tenant=acme&source`,
        queryParameters: 'tenant=other&source=aep&fresh=1',
      }),
    ).toEqual([
      {
        path: ['queryParameters'],
        message: '`tenant` is already in the HTTP Endpoint URL: set it in one place only',
      },
      {
        path: ['queryParameters'],
        message: '`source` is already in the HTTP Endpoint URL: set it in one place only',
      },
    ])
  })

  it('reports field problems together', () => {
    expect(
      issuesOf(httpApiTargetParamsSchema, {
        httpEndpoint: '',
        headers: 'a',
        queryParameters: 'b',
      }).map((issue) => issue.path[0]),
    ).toEqual(['headers', 'httpEndpoint', 'queryParameters'])
  })

  it('describes the fields with AEP’s labels and help, in AEP’s order', () => {
    const schema = jsonSchemaOf(httpApiTargetParamsSchema)
    expect(Object.keys(schema.properties)).toEqual([
      'headers',
      'httpEndpoint',
      'queryParameters',
      'includeSegmentNames',
      'includeSegmentTimestamps',
    ])
    expect(schema.required).toEqual(['httpEndpoint'])
    expect(schema.properties).toEqual({
      headers: {
        type: 'string',
        maxLength: LIMITS.headers,
        default: '',
        title: 'Headers',
        description:
          'Enter any custom headers that you want to be included in the destination calls, following this format: `header1:value1,header2:value2,...headerN:valueN`',
      },
      httpEndpoint: {
        type: 'string',
        minLength: 1,
        title: 'HTTP Endpoint',
        description:
          'The URL of the HTTP endpoint where you want to send the profile data to. This is your data receiving endpoint and supports mTLS if configured.',
      },
      queryParameters: {
        type: 'string',
        maxLength: LIMITS.queryParameters,
        default: '',
        title: 'Query parameters',
        description:
          'Optionally, you can add query parameters to the HTTP endpoint URL. Format the query parameters you use like this: `parameter1=value&parameter2=value`.',
      },
      includeSegmentNames: {
        type: 'boolean',
        default: false,
        title: 'Include Segment Names',
        description:
          'Toggle if you want the data export to include the names of the audiences you are exporting. View the documentation for a data export example with this option selected.',
      },
      includeSegmentTimestamps: {
        type: 'boolean',
        default: false,
        title: 'Include Segment Timestamps',
        description:
          'Toggle if you want the data export to include the UNIX timestamp when the audiences were created and updated, as well as the UNIX timestamp when the audiences were mapped to the destination for activation. View the documentation for a data export example with this option selected.',
      },
    })
  })
})

describe('kinesisTargetParamsSchema', () => {
  it.each(['profiles', 'aep_profiles-v2.prod', 'a'.repeat(128)])(
    'accepts the stream %j',
    (stream) => {
      expect(kinesisTargetParamsSchema.parse({ stream })).toEqual({
        stream,
        includeSegmentNames: false,
        includeSegmentTimestamps: false,
      })
    },
  )

  it.each([
    ['', 'Enter the stream name.'],
    [
      'my stream',
      'A stream name is 1 to 128 letters, digits, underscores (_), periods (.) and hyphens (-).',
    ],
    [
      'a'.repeat(129),
      'A stream name is 1 to 128 letters, digits, underscores (_), periods (.) and hyphens (-).',
    ],
    [
      'arn:aws:kinesis',
      'A stream name is 1 to 128 letters, digits, underscores (_), periods (.) and hyphens (-).',
    ],
  ])('rejects the stream %j', (stream, message) => {
    expect(issuesOf(kinesisTargetParamsSchema, { stream })).toEqual([{ path: ['stream'], message }])
  })

  it('titles the field as AEP writes it', () => {
    const { properties } = jsonSchemaOf(kinesisTargetParamsSchema)
    expect(Object.keys(properties)).toEqual([
      'stream',
      'includeSegmentNames',
      'includeSegmentTimestamps',
    ])
    expect(properties.stream?.title).toBe('stream')
  })
})

describe('eventHubsTargetParamsSchema', () => {
  it.each(['a', 'profiles', 'aep.profiles_v2-prod', `a${'b'.repeat(254)}c`])(
    'accepts the event hub %j',
    (eventHubName) => {
      expect(eventHubsTargetParamsSchema.parse({ eventHubName }).eventHubName).toBe(eventHubName)
    },
  )

  it.each(['-profiles', 'profiles_', '.x', 'my hub', 'a'.repeat(257)])(
    'rejects the event hub %j',
    (eventHubName) => {
      expect(issuesOf(eventHubsTargetParamsSchema, { eventHubName })).toEqual([
        {
          path: ['eventHubName'],
          message:
            'An event hub name is 1 to 256 letters, digits, periods (.), underscores (_) and hyphens (-), starting and ending with a letter or digit.',
        },
      ])
    },
  )

  it('asks for a missing name and titles the field as AEP writes it', () => {
    expect(issuesOf(eventHubsTargetParamsSchema, {})).toEqual([
      { path: ['eventHubName'], message: 'Enter the event hub name.' },
    ])
    expect(jsonSchemaOf(eventHubsTargetParamsSchema).properties.eventHubName?.title).toBe(
      'eventHubName',
    )
  })
})
