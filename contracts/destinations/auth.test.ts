import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  accessTokenUrlIssue,
  bearerAuthParamsSchema,
  eventHubsAuthParamsSchema,
  httpApiAuthSchema,
  httpApiAuthTypeSchema,
  kinesisAuthParamsSchema,
  oauth2ClientCredentialsAuthParamsSchema,
  oauth2PasswordAuthParamsSchema,
} from './auth'

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input)
  if (result.success) throw new Error('expected issues')
  return result.error.issues.map(({ path, message }) => ({ path, message }))
}

const jsonProperty = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  writeOnly: z.boolean().optional(),
  oneOf: z.array(z.looseObject({ const: z.string(), title: z.string() })).optional(),
})
const jsonObject = jsonProperty.extend({
  properties: z.record(z.string(), jsonProperty),
  required: z.array(z.string()).optional(),
})

/** The JSON Schema of an object schema, as the connection specs serve it. */
function jsonSchemaOf(schema: z.ZodType) {
  return jsonObject.parse(z.toJSONSchema(schema))
}

const clientCredentials = {
  accessTokenUrl: 'https://auth.example/oauth/token',
  clientId: 'client',
  clientSecret: 'secret',
  clientCredentialsType: 'BODY_FORM_ENCODED',
}

describe('accessTokenUrlIssue', () => {
  it.each([
    'https://auth.example/oauth/token',
    'http://localhost:8080/token',
    'https://auth.example/token?tenant=acme',
    'https://auth.example/token?',
  ])('accepts %s', (url) => {
    expect(accessTokenUrlIssue(url)).toBeNull()
  })

  it.each([
    ['', 'Enter the access token URL.'],
    [
      'auth.example/token',
      'Enter the access token URL as a full URL, such as https://auth.example/oauth/token.',
    ],
    ['ftp://auth.example/token', 'The access token URL must start with http:// or https://.'],
    [
      'https://auth.example/token?tenant=acme&realm=x',
      'The access token URL can have a maximum of one query parameter.',
    ],
    [
      'https://auth.example/token?a=1&a=2',
      'The access token URL can have a maximum of one query parameter.',
    ],
    [
      'https://auth.example/token#x',
      'The access token URL cannot contain a fragment (the part after #).',
    ],
    [
      'https://id:secret@auth.example/token',
      'The access token URL cannot contain a user name or password.',
    ],
  ])('rejects %j', (url, message) => {
    expect(accessTokenUrlIssue(url)).toBe(message)
  })
})

describe('HTTP API authentication schemas', () => {
  it('trims the fields', () => {
    expect(
      oauth2ClientCredentialsAuthParamsSchema.parse({
        ...clientCredentials,
        accessTokenUrl: ' https://auth.example/oauth/token ',
        clientId: ' client ',
      }),
    ).toEqual(clientCredentials)
  })

  it('names every missing field', () => {
    expect(issuesOf(oauth2PasswordAuthParamsSchema, {})).toEqual([
      { path: ['accessTokenUrl'], message: 'Enter the access token URL.' },
      { path: ['clientId'], message: 'Enter the client ID.' },
      { path: ['clientSecret'], message: 'Enter the client secret.' },
      { path: ['username'], message: 'Enter the username.' },
      { path: ['password'], message: 'Enter the password.' },
    ])
  })

  it('treats blank values as missing', () => {
    expect(
      issuesOf(oauth2ClientCredentialsAuthParamsSchema, {
        ...clientCredentials,
        clientSecret: '   ',
      }),
    ).toEqual([{ path: ['clientSecret'], message: 'Enter the client secret.' }])
    expect(issuesOf(bearerAuthParamsSchema, { token: '' })).toEqual([
      { path: ['token'], message: 'Enter the bearer token.' },
    ])
  })

  it('checks the Access Token URL', () => {
    expect(
      issuesOf(oauth2ClientCredentialsAuthParamsSchema, {
        ...clientCredentials,
        accessTokenUrl: 'https://auth.example/token?a=1&b=2',
      }),
    ).toEqual([
      {
        path: ['accessTokenUrl'],
        message: 'The access token URL can have a maximum of one query parameter.',
      },
    ])
  })

  it('requires a known client credentials type', () => {
    expect(
      issuesOf(oauth2ClientCredentialsAuthParamsSchema, {
        ...clientCredentials,
        clientCredentialsType: 'JWT',
      }),
    ).toEqual([{ path: ['clientCredentialsType'], message: 'Select a client credentials type.' }])
  })

  it('discriminates the variants by type', () => {
    expect(httpApiAuthSchema.parse({ type: 'NONE' })).toEqual({ type: 'NONE', params: {} })
    expect(httpApiAuthSchema.parse({ type: 'BEARER', params: { token: ' t ' } })).toEqual({
      type: 'BEARER',
      params: { token: 't' },
    })
    expect(
      httpApiAuthSchema.parse({ type: 'OAUTH2_CLIENT_CREDENTIALS', params: clientCredentials }),
    ).toEqual({ type: 'OAUTH2_CLIENT_CREDENTIALS', params: clientCredentials })
    expect(issuesOf(httpApiAuthSchema, { type: 'BEARER', params: {} })).toEqual([
      { path: ['params', 'token'], message: 'Enter the bearer token.' },
    ])
    expect(httpApiAuthSchema.safeParse({ type: 'BASIC', params: {} }).success).toBe(false)
  })

  it('describes the fields with AEP’s labels and marks secrets write-only', () => {
    const schema = jsonSchemaOf(oauth2ClientCredentialsAuthParamsSchema)
    expect(schema.title).toBe('OAuth 2 Client Credentials')
    expect(schema.required).toEqual([
      'accessTokenUrl',
      'clientId',
      'clientSecret',
      'clientCredentialsType',
    ])
    const { accessTokenUrl, clientId, clientSecret, clientCredentialsType } = schema.properties
    expect(accessTokenUrl).toMatchObject({
      title: 'Access Token URL',
      description:
        'The URL on your side which issues access tokens and, optionally, refresh tokens.',
    })
    expect(accessTokenUrl?.writeOnly).toBeUndefined()
    expect(clientId?.title).toBe('Client ID')
    expect(clientSecret).toMatchObject({ title: 'Client Secret', writeOnly: true })
    expect(clientCredentialsType).toMatchObject({
      title: 'Client Credentials Type',
      description:
        'Select **Body Form Encoded** to include the client ID and client secret in the body of the request or **Basic Authorization** to include client ID and client secret in an authorization header. View examples in the documentation.',
      oneOf: [
        { const: 'BODY_FORM_ENCODED', title: 'Body Form Encoded' },
        { const: 'BASIC_AUTHORIZATION', title: 'Basic Authorization' },
      ],
    })
  })

  it('marks the password and the bearer token write-only', () => {
    const password = jsonSchemaOf(oauth2PasswordAuthParamsSchema).properties
    expect(password?.username).toMatchObject({ title: 'Username' })
    expect(password?.username?.writeOnly).toBeUndefined()
    expect(password?.password).toMatchObject({ title: 'Password', writeOnly: true })
    expect(jsonSchemaOf(bearerAuthParamsSchema).properties.token).toMatchObject({
      title: 'Bearer token',
      writeOnly: true,
    })
  })

  it('titles the authentication types as AEP’s selector does', () => {
    expect(jsonProperty.parse(z.toJSONSchema(httpApiAuthTypeSchema)).oneOf).toEqual([
      { type: 'string', const: 'NONE', title: 'None' },
      { type: 'string', const: 'BEARER', title: 'Bearer token' },
      { type: 'string', const: 'OAUTH2_PASSWORD', title: 'OAuth 2 Password' },
      { type: 'string', const: 'OAUTH2_CLIENT_CREDENTIALS', title: 'OAuth 2 Client Credentials' },
    ])
  })
})

describe('kinesisAuthParamsSchema', () => {
  const valid = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    region: 'eu-west-1',
  }

  it('accepts AWS credentials and a Kinesis region', () => {
    expect(kinesisAuthParamsSchema.parse(valid)).toEqual(valid)
  })

  it('rejects unknown regions and malformed access key IDs', () => {
    expect(
      issuesOf(kinesisAuthParamsSchema, { ...valid, region: 'mars-1', accessKeyId: 'AKIA 123' }),
    ).toEqual([
      {
        path: ['accessKeyId'],
        message:
          'An access key ID is 16 to 128 letters or digits without spaces, such as AKIAIOSFODNN7EXAMPLE.',
      },
      { path: ['region'], message: 'Select a region.' },
    ])
    expect(issuesOf(kinesisAuthParamsSchema, {})).toEqual([
      { path: ['accessKeyId'], message: 'Enter the access key ID.' },
      { path: ['secretKey'], message: 'Enter the secret key.' },
      { path: ['region'], message: 'Select a region.' },
    ])
  })

  it('titles the fields and the regions', () => {
    const { accessKeyId, secretKey, region } = jsonSchemaOf(kinesisAuthParamsSchema).properties
    expect(accessKeyId?.title).toBe('Access key ID')
    expect(secretKey).toMatchObject({ title: 'Secret key', writeOnly: true })
    expect(region?.title).toBe('Region')
    expect(region?.oneOf).toContainEqual({
      type: 'string',
      const: 'us-east-1',
      title: 'US East (N. Virginia)',
    })
    expect(region?.oneOf).toContainEqual({
      type: 'string',
      const: 'sa-east-1',
      title: 'South America (São Paulo)',
    })
  })
})

describe('eventHubsAuthParamsSchema', () => {
  const valid = {
    sasKeyName: 'RootManageSharedAccessKey',
    sasKey: 'k3y=',
    namespace: 'acme-events1',
  }

  it('accepts an Event Hubs namespace', () => {
    expect(eventHubsAuthParamsSchema.parse(valid)).toEqual(valid)
    expect(eventHubsAuthParamsSchema.parse({ ...valid, namespace: 'abcdef' }).namespace).toBe(
      'abcdef',
    )
    expect(
      eventHubsAuthParamsSchema.safeParse({ ...valid, namespace: `a${'b'.repeat(49)}` }).success,
    ).toBe(true)
  })

  it.each([
    'abcde',
    `a${'b'.repeat(50)}`,
    ' -',
    '1events',
    'events-',
    'acme_events',
    'acme.servicebus.windows.net',
  ])('rejects the namespace %j', (namespace) => {
    expect(issuesOf(eventHubsAuthParamsSchema, { ...valid, namespace })).toEqual([
      {
        path: ['namespace'],
        message:
          'A namespace is 6 to 50 letters, digits and hyphens, starting with a letter and ending with a letter or digit.',
      },
    ])
  })

  it('asks for a blank namespace once', () => {
    expect(issuesOf(eventHubsAuthParamsSchema, { ...valid, namespace: ' ' })).toEqual([
      { path: ['namespace'], message: 'Enter the namespace.' },
    ])
  })

  it('titles the fields and marks the key write-only', () => {
    const { sasKeyName, sasKey, namespace } = jsonSchemaOf(eventHubsAuthParamsSchema).properties
    expect(sasKeyName?.title).toBe('SAS Key Name')
    expect(sasKey).toMatchObject({ title: 'SAS Key', writeOnly: true })
    expect(namespace?.title).toBe('Namespace')
  })
})
