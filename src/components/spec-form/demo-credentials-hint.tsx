import { ActionButton, Flex, Heading, Text, Well } from '@adobe/react-spectrum'
import { useId } from 'react'
import type { JsonSchemaObject } from '../../../contracts/connection-spec'
import { DEMO_CREDENTIALS } from '../../../contracts/demo-credentials'
import './spec-form.css'

interface DemoHint {
  text: string
  values: Record<string, string>
}

const oauth = DEMO_CREDENTIALS.oauth
const aws = DEMO_CREDENTIALS.aws

/** What the demo services accept for each auth spec type, and why. */
function hintFor(authType: string): DemoHint | null {
  switch (authType) {
    case 'NONE':
      return {
        text: 'Nothing to enter: the demo endpoints (any URL on a .example host, such as https://hooks.example/profiles) accept requests without authentication.',
        values: {},
      }
    case 'BEARER':
      return {
        text: 'Any token connects. The demo endpoints (any URL on a .example host) accept this one.',
        values: { token: DEMO_CREDENTIALS.bearerToken },
      }
    case 'OAUTH2_PASSWORD':
      return {
        text: `The demo token server at ${oauth.accessTokenUrl} accepts these and rejects anything else with invalid_client or invalid_grant. Any other Access Token URL is called for real.`,
        values: {
          accessTokenUrl: oauth.accessTokenUrl,
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          username: oauth.username,
          password: oauth.password,
        },
      }
    case 'OAUTH2_CLIENT_CREDENTIALS':
      return {
        text: `The demo token server at ${oauth.accessTokenUrl} accepts these, with either client credentials type, and rejects anything else with invalid_client. Any other Access Token URL is called for real.`,
        values: {
          accessTokenUrl: oauth.accessTokenUrl,
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
        },
      }
    case 'KINESIS':
      return {
        text: 'The demo accepts AWS’s documented example keys, in any region, and rejects other keys as AWS would.',
        values: { accessKeyId: aws.accessKeyId, secretKey: aws.secretKey },
      }
    case 'S3':
      return {
        text: 'The demo accepts AWS’s documented example keys and rejects other keys as AWS would.',
        values: DEMO_CREDENTIALS.s3,
      }
    case 'EVENT_HUBS':
      return {
        text: 'The demo accepts this shared access key for any valid namespace and rejects other keys as Azure would.',
        values: {
          sasKeyName: DEMO_CREDENTIALS.eventHubs.sasKeyName,
          sasKey: DEMO_CREDENTIALS.eventHubs.sasKey,
        },
      }
    case 'SFTP_WITH_PASSWORD':
      return {
        text: 'The demo SFTP server accepts this login on any domain.',
        values: {
          username: DEMO_CREDENTIALS.sftp.username,
          password: DEMO_CREDENTIALS.sftp.password,
        },
      }
    default:
      return null
  }
}

interface DemoCredentialsHintProps {
  /** The auth spec's `type` (BEARER, OAUTH2_PASSWORD, KINESIS, ...). */
  authType: string
  /** The auth spec's JSON Schema, for the fields' labels. */
  schema: JsonSchemaObject
  /** Fills the form with the demo values, by property name. */
  onUse: (values: Record<string, string>) => void
}

/**
 * The credentials the demo services of this console accept for an auth type, shown next to a
 * credentials form, with a button that fills them in. Nothing is shown for types without a demo.
 */
export function DemoCredentialsHint({ authType, schema, onUse }: DemoCredentialsHintProps) {
  const headingId = useId()
  const hint = hintFor(authType)
  if (!hint) return null
  const entries = Object.entries(hint.values).filter(([key]) => key in schema.properties)
  return (
    <Well role="region" aria-labelledby={headingId}>
      <Flex direction="column" gap="size-100">
        <Heading level={3} id={headingId} margin={0}>
          Demo credentials
        </Heading>
        <Text>{hint.text}</Text>
        {entries.length > 0 && (
          <>
            <dl className="demo-credentials-list">
              {entries.map(([key, value]) => (
                <div key={key}>
                  <dt>{schema.properties[key]?.title ?? key}</dt>
                  <dd>
                    <code>{value}</code>
                  </dd>
                </div>
              ))}
            </dl>
            <Flex>
              <ActionButton onPress={() => onUse(Object.fromEntries(entries))}>
                Use demo credentials
              </ActionButton>
            </Flex>
          </>
        )}
      </Flex>
    </Well>
  )
}
