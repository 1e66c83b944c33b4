import { Heading, Text } from '@adobe/react-spectrum'
import { useId } from 'react'
import { inlineMarkdown } from '../../components/spec-form/inline-markdown'
import type { HttpApiAuth } from '../../../contracts/destinations/auth'
import { previewRequest } from './request-preview'

interface RequestPreviewPanelProps {
  /** The destination details as typed. */
  params: Record<string, unknown>
  /** The account's authentication (saved secrets come back masked, which is all it shows). */
  auth: HttpApiAuth
  /** Field labels by property name, to name the field of a problem. */
  titles: Record<string, string>
}

const pretty = (body: string) => JSON.stringify(JSON.parse(body) as unknown, null, 2)

/**
 * The live request preview under the HTTP API details: the final URL with the query parameters,
 * the headers the endpoint receives (secrets masked) and an example body, or what to fix first.
 */
export function RequestPreviewPanel({ params, auth, titles }: RequestPreviewPanelProps) {
  const headingId = useId()
  const preview = previewRequest(params, auth, titles)
  return (
    <section className="connect-preview" aria-labelledby={headingId}>
      <Heading level={3} id={headingId} margin={0}>
        Request preview
      </Heading>
      <Text UNSAFE_className="connect-preview-intro">
        What your endpoint receives for each exported profile, shown with an example profile.
        Secrets are masked.
      </Text>
      {preview.kind === 'empty' && <Text>Enter the HTTP Endpoint to see the request.</Text>}
      {preview.kind === 'invalid' && (
        <div className="connect-preview-problems">
          <Text>Fix the destination details to see the request:</Text>
          <ul>
            {preview.problems.map(({ field, message }) => (
              <li key={`${field}:${message}`}>
                {field}: {inlineMarkdown(message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.kind === 'ok' && (
        <dl className="connect-preview-request">
          <dt>Request</dt>
          <dd>
            <code>
              {preview.request.method} {preview.request.url}
            </code>
          </dd>
          <dt>Headers</dt>
          <dd>
            <table aria-label="Request headers">
              <tbody>
                {preview.request.headers.map((header) => (
                  <tr key={header.name}>
                    <th scope="row">{header.name}</th>
                    <td>{header.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </dd>
          <dt>Body</dt>
          <dd>
            <pre aria-label="Example body">{pretty(preview.request.body)}</pre>
          </dd>
        </dl>
      )}
    </section>
  )
}
