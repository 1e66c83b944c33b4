import { z } from 'zod'
import { LIMITS, tooLong } from '../limits'
import { checkHttpUrl } from './url'

/** A required text field: trimmed, with one message for missing and empty. */
function requiredText(message: string) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message, abort: true })
    .max(LIMITS.secret, { error: tooLong(LIMITS.secret), abort: true })
}

/** A choice among string codes, each titled in the JSON Schema (`oneOf` of `const` + `title`). */
function titledChoice<const V extends string>(titles: Record<V, string>, message: string) {
  const codes = Object.keys(titles).filter((key): key is V => Object.hasOwn(titles, key))
  return z.xor(
    codes.map((code) => z.literal(code).meta({ title: titles[code] })),
    { error: message },
  )
}

/** AEP's labels of the HTTP API authentication types, as the auth type selector shows them. */
export const HTTP_API_AUTH_TYPE_TITLES = {
  NONE: 'None',
  BEARER: 'Bearer token',
  OAUTH2_PASSWORD: 'OAuth 2 Password',
  OAUTH2_CLIENT_CREDENTIALS: 'OAuth 2 Client Credentials',
} as const

/** The HTTP API authentication type. */
export const httpApiAuthTypeSchema = titledChoice(
  HTTP_API_AUTH_TYPE_TITLES,
  'Select an authentication type.',
).meta({ title: 'Authentication type' })

/**
 * What is wrong with an Access Token URL, or null: it must be an absolute http(s) URL without a
 * fragment, with at most one query parameter (AEP's documented limit).
 */
export function accessTokenUrlIssue(value: string): string | null {
  const check = checkHttpUrl(value, {
    label: 'access token URL',
    example: 'https://auth.example/oauth/token',
  })
  if (!check.ok) return check.message
  if ([...check.url.searchParams.keys()].length > 1) {
    return 'The access token URL can have a maximum of one query parameter.'
  }
  return null
}

const accessTokenUrlSchema = requiredText('Enter the access token URL.')
  .superRefine((value, ctx) => {
    const issue = accessTokenUrlIssue(value)
    if (issue !== null) ctx.addIssue({ code: 'custom', message: issue })
  })
  .meta({
    title: 'Access Token URL',
    description: 'The URL on your side which issues access tokens and, optionally, refresh tokens.',
  })

const clientIdSchema = requiredText('Enter the client ID.').meta({
  title: 'Client ID',
  description: 'The client ID that your system assigns to Adobe Experience Platform.',
})

const clientSecretSchema = requiredText('Enter the client secret.').meta({
  title: 'Client Secret',
  description: 'The client secret that your system assigns to Adobe Experience Platform.',
  writeOnly: true,
})

/** How the client ID and secret reach the token server: in the form body or a Basic header. */
export const clientCredentialsTypeSchema = titledChoice(
  { BODY_FORM_ENCODED: 'Body Form Encoded', BASIC_AUTHORIZATION: 'Basic Authorization' },
  'Select a client credentials type.',
).meta({
  title: 'Client Credentials Type',
  description:
    'Select **Body Form Encoded** to include the client ID and client secret in the body of the request or **Basic Authorization** to include client ID and client secret in an authorization header. View examples in the documentation.',
})

/** Params of the None authentication: nothing to enter. */
export const noneAuthParamsSchema = z
  .strictObject({})
  .meta({ title: HTTP_API_AUTH_TYPE_TITLES.NONE })

/** Params of the Bearer token authentication. */
export const bearerAuthParamsSchema = z
  .strictObject({
    token: requiredText('Enter the bearer token.').meta({
      title: 'Bearer token',
      description: 'Insert the bearer token to authenticate to your HTTP location.',
      writeOnly: true,
    }),
  })
  .meta({ title: HTTP_API_AUTH_TYPE_TITLES.BEARER })

/** Params of the OAuth 2 Password authentication. */
export const oauth2PasswordAuthParamsSchema = z
  .strictObject({
    accessTokenUrl: accessTokenUrlSchema,
    clientId: clientIdSchema,
    clientSecret: clientSecretSchema,
    username: requiredText('Enter the username.').meta({
      title: 'Username',
      description: 'The username to access your HTTP endpoint.',
    }),
    password: requiredText('Enter the password.').meta({
      title: 'Password',
      description: 'The password to access your HTTP endpoint.',
      writeOnly: true,
    }),
  })
  .meta({ title: HTTP_API_AUTH_TYPE_TITLES.OAUTH2_PASSWORD })

/** Params of the OAuth 2 Client Credentials authentication. */
export const oauth2ClientCredentialsAuthParamsSchema = z
  .strictObject({
    accessTokenUrl: accessTokenUrlSchema,
    clientId: clientIdSchema,
    clientSecret: clientSecretSchema,
    clientCredentialsType: clientCredentialsTypeSchema,
  })
  .meta({ title: HTTP_API_AUTH_TYPE_TITLES.OAUTH2_CLIENT_CREDENTIALS })

/** An HTTP API destination account's authentication: its type and the params of that type. */
export const httpApiAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('NONE'), params: noneAuthParamsSchema.default({}) }),
  z.object({ type: z.literal('BEARER'), params: bearerAuthParamsSchema }),
  z.object({ type: z.literal('OAUTH2_PASSWORD'), params: oauth2PasswordAuthParamsSchema }),
  z.object({
    type: z.literal('OAUTH2_CLIENT_CREDENTIALS'),
    params: oauth2ClientCredentialsAuthParamsSchema,
  }),
])

/** The AWS regions where Amazon Kinesis Data Streams runs (commercial partition), by code. */
export const KINESIS_REGIONS = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'af-south-1': 'Africa (Cape Town)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'ap-east-2': 'Asia Pacific (Taipei)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-south-2': 'Asia Pacific (Hyderabad)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-southeast-4': 'Asia Pacific (Melbourne)',
  'ap-southeast-5': 'Asia Pacific (Malaysia)',
  'ap-southeast-6': 'Asia Pacific (New Zealand)',
  'ap-southeast-7': 'Asia Pacific (Thailand)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ca-central-1': 'Canada (Central)',
  'ca-west-1': 'Canada West (Calgary)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'eu-south-1': 'Europe (Milan)',
  'eu-south-2': 'Europe (Spain)',
  'eu-north-1': 'Europe (Stockholm)',
  'il-central-1': 'Israel (Tel Aviv)',
  'me-south-1': 'Middle East (Bahrain)',
  'me-central-1': 'Middle East (UAE)',
  'mx-central-1': 'Mexico (Central)',
  'sa-east-1': 'South America (São Paulo)',
} as const

/** Params of the Amazon Kinesis authentication (spec `Aws Kinesis authentication credentials`). */
export const kinesisAuthParamsSchema = z.strictObject({
  accessKeyId: requiredText('Enter the access key ID.')
    .regex(
      /^\w{16,128}$/,
      'An access key ID is 16 to 128 letters or digits without spaces, such as AKIAIOSFODNN7EXAMPLE.',
    )
    .meta({
      title: 'Access key ID',
      description: 'Your access ID for your Amazon Kinesis storage location.',
    }),
  secretKey: requiredText('Enter the secret key.').meta({
    title: 'Secret key',
    description: 'Your secret key for your Amazon Kinesis storage location.',
    writeOnly: true,
  }),
  region: titledChoice(KINESIS_REGIONS, 'Select a region.').meta({
    title: 'Region',
    description: 'The region in your Amazon Kinesis account where Platform will stream your data.',
  }),
})

/** Params of the Azure Event Hubs authentication (spec `Azure EventHub authentication credentials`). */
export const eventHubsAuthParamsSchema = z.strictObject({
  sasKeyName: requiredText('Enter the SAS key name.').meta({
    title: 'SAS Key Name',
    description: 'Fill in your SAS key name.',
  }),
  sasKey: requiredText('Enter the SAS key.').meta({
    title: 'SAS Key',
    description: 'Fill in your SAS key.',
    writeOnly: true,
  }),
  namespace: requiredText('Enter the namespace.')
    .regex(
      /^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$/,
      'A namespace is 6 to 50 letters, digits and hyphens, starting with a letter and ending with a letter or digit.',
    )
    .meta({
      title: 'Namespace',
      description: 'Fill in the Azure Event Hubs namespace where Platform will stream your data.',
    }),
})

export type HttpApiAuthType = z.infer<typeof httpApiAuthTypeSchema>
export type ClientCredentialsType = z.infer<typeof clientCredentialsTypeSchema>
export type BearerAuthParams = z.infer<typeof bearerAuthParamsSchema>
export type OAuth2PasswordAuthParams = z.infer<typeof oauth2PasswordAuthParamsSchema>
export type OAuth2ClientCredentialsAuthParams = z.infer<
  typeof oauth2ClientCredentialsAuthParamsSchema
>
export type HttpApiAuth = z.infer<typeof httpApiAuthSchema>
export type OAuth2Auth = Extract<
  HttpApiAuth,
  { type: 'OAUTH2_PASSWORD' | 'OAUTH2_CLIENT_CREDENTIALS' }
>
export type KinesisRegion = keyof typeof KINESIS_REGIONS
export type KinesisAuthParams = z.infer<typeof kinesisAuthParamsSchema>
export type EventHubsAuthParams = z.infer<typeof eventHubsAuthParamsSchema>
