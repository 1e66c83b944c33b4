import { z } from 'zod'

/**
 * The credentials the in-app demo services accept. The connect wizard shows them in its hints;
 * the demo token server and credential checks accept exactly these and reject anything else.
 */
export const DEMO_CREDENTIALS = {
  oauth: {
    accessTokenUrl: 'https://auth.example/oauth/token',
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    username: 'demo-user',
    password: 'demo-password',
    /** Lifetime of the tokens the demo token server issues. */
    expiresInSeconds: 300,
  },
  /** The static bearer token the demo endpoints accept, besides tokens the token server issued. */
  bearerToken: 'demo-bearer-token',
  /** AWS's documented example keys, under the param names of the Amazon Kinesis auth spec. */
  aws: {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  /** The same example keys under the param names of the S3 auth spec (Amazon S3, Adobe Campaign). */
  s3: {
    s3AccessKey: 'AKIAIOSFODNN7EXAMPLE',
    s3SecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  eventHubs: { sasKeyName: 'RootManageSharedAccessKey', sasKey: 'demo-sas-key' },
  sftp: { username: 'demo-user', password: 'demo-password' },
  /** A demo endpoint: every `.example` host is answered inside the app. */
  endpoint: 'https://hooks.example/profiles',
} as const

/** Whether an account's auth params hold every value of one of the demo credential sets. */
export const holdsDemoCredentials = (
  params: Readonly<Record<string, unknown>>,
  expected: Readonly<Record<string, string>>,
): boolean => Object.entries(expected).every(([key, value]) => params[key] === value)

/** The answer of a successful credential check (`POST /connectionSpecs/{id}/test`). */
export const credentialCheckSchema = z.object({
  status: z.literal('connected'),
  checkedAt: z.number(),
  message: z.string(),
})

export type CredentialCheck = z.infer<typeof credentialCheckSchema>
