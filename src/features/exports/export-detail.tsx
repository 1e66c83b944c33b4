import {
  ActionButton,
  AlertDialog,
  DialogTrigger,
  Flex,
  Heading,
  ProgressCircle,
  StatusLight,
  Text,
  ToastQueue,
} from '@adobe/react-spectrum'
import Close from '@spectrum-icons/workflow/Close'
import Copy from '@spectrum-icons/workflow/Copy'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { JsonView, defaultStyles } from 'react-json-view-lite'
import 'react-json-view-lite/dist/index.css'
import { exportQuery, fetchExportCurl } from '../../api/exports'
import type {
  ExportAttempt,
  ExportReason,
  ReceivedResponse,
  SentRequest,
} from '../../../contracts/engine/exports'
import { formatDateTime } from '../../lib/format'
import { STATE_LIGHTS } from './exports-table'
import { LoadError } from '../../components/load-error'

const TOKEN_CAUSES: Record<NonNullable<ExportAttempt['tokenExchange']>['cause'], string> = {
  'no-token': 'Token request: no token yet',
  expired: 'Token request: the token had expired',
  unauthorized: 'Token request: the endpoint refused the token (401)',
}

const ACTIONS: Record<ExportAttempt['action'], string> = {
  done: 'Delivered',
  retry: 'Retry scheduled',
  'refresh-token': 'Token refetched, resending',
  fail: 'Failed for good',
}

function Reason({
  reason,
  audienceName,
}: {
  reason: ExportReason
  audienceName: (id: string) => string
}) {
  switch (reason.trigger) {
    case 'segment':
      return (
        <li>
          Audience <strong>{audienceName(reason.audienceId)}</strong> changed: {reason.from} →{' '}
          {reason.to}
        </li>
      )
    case 'identity':
      return (
        <li>
          Identities changed:{' '}
          {[
            ...reason.added.map((i) => `added ${i}`),
            ...reason.removed.map((i) => `removed ${i}`),
          ].join(', ')}
        </li>
      )
    case 'attribute':
      return (
        <li>
          Mapped attribute <code>{reason.path}</code> was written
        </li>
      )
    default:
      return (
        <li>
          Backfill: <strong>{audienceName(reason.audienceId)}</strong> was added to the dataflow
        </li>
      )
  }
}

function HeaderList({ label, headers }: { label: string; headers: [string, string][] }) {
  return (
    <dl className="export-kv" aria-label={label}>
      {headers.map(([name, value]) => (
        <div key={name} style={{ display: 'contents' }}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A body as text: JSON indented, so it wraps between values rather than inside them. */
function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

const bytes = (text: string) => new TextEncoder().encode(text).length

function Body({ label, body }: { label: string; body: string }) {
  return <pre aria-label={label}>{prettyBody(body)}</pre>
}

/** A request as sent. An export's body is its payload, shown once above: it is named here. */
function RequestView({ request, isPayload }: { request: SentRequest; isPayload: boolean }) {
  return (
    <>
      <Text>
        <code>
          {request.method} {request.url}
        </code>
      </Text>
      <HeaderList label="Request headers" headers={request.headers.map((h) => [h.name, h.value])} />
      {request.body !== '' &&
        (isPayload ? (
          <Text>
            Body: the payload above ({bytes(request.body).toLocaleString('en-US')} bytes).
          </Text>
        ) : (
          <Body label="Request body" body={request.body} />
        ))}
    </>
  )
}

function ResponseView({ response }: { response: ReceivedResponse }) {
  return (
    <>
      <Text>
        <strong>HTTP {response.status}</strong>
      </Text>
      <HeaderList label="Response headers" headers={Object.entries(response.headers)} />
      {response.body && <Body label="Response body" body={response.body} />}
    </>
  )
}

interface ExportDetailProps {
  sandbox: string
  flowId: string
  exportId: string
  rev: number
  audienceName: (id: string) => string
  onClose: () => void
}

/**
 * One exported message: why it was sent, the payload, every attempt with the request as sent and
 * the answer, what the receiver saw, and Copy as cURL.
 */
export function ExportDetail({
  sandbox,
  flowId,
  exportId,
  rev,
  audienceName,
  onClose,
}: ExportDetailProps) {
  const record = useQuery({
    ...exportQuery(sandbox, flowId, exportId, rev),
    placeholderData: (p) => p,
  })
  // The detail sits below the table: a message opened (one per mount) comes into view once loaded.
  const section = useRef<HTMLElement>(null)
  const loaded = record.data !== undefined
  useEffect(() => {
    if (loaded) section.current?.scrollIntoView({ block: 'start' })
  }, [loaded])
  if (record.isPending) return <ProgressCircle aria-label="Loading the message" isIndeterminate />
  if (record.isError) {
    return <LoadError title="The message could not be loaded" error={record.error} />
  }
  const r = record.data
  const sentBody = r.attempts.findLast((a) => a.request !== null)?.request?.body
  const copy = async (secrets: boolean) => {
    try {
      const { curl } = await fetchExportCurl(sandbox, flowId, exportId, secrets)
      await navigator.clipboard.writeText(curl)
      ToastQueue.positive(
        secrets
          ? 'The cURL command, with the secrets, is on your clipboard.'
          : 'The cURL command is on your clipboard.',
        { timeout: 3000 },
      )
    } catch (error) {
      ToastQueue.negative(`The cURL command could not be copied: ${(error as Error).message}`, {
        timeout: 8000,
      })
    }
  }
  return (
    <section ref={section} className="export-detail" aria-label={`Message ${r.seq}`}>
      <Flex justifyContent="space-between" alignItems="center" gap="size-100">
        <Heading level={2} margin={0} UNSAFE_style={{ fontSize: 18 }}>
          Message {r.seq}
        </Heading>
        <Flex gap="size-100" alignItems="center">
          <StatusLight variant={STATE_LIGHTS[r.state]}>{r.state}</StatusLight>
          {r.curl && (
            <>
              <ActionButton onPress={() => void copy(false)}>
                <Copy />
                <Text>Copy as cURL</Text>
              </ActionButton>
              <DialogTrigger>
                <ActionButton>
                  <Text>Copy with secrets</Text>
                </ActionButton>
                <AlertDialog
                  title="Copy as cURL with secrets?"
                  variant="warning"
                  primaryActionLabel="Copy with secrets"
                  cancelLabel="Cancel"
                  onPrimaryAction={() => void copy(true)}
                >
                  The command carries this account's credentials as the next attempt would send them
                  (for OAuth, the access token the console holds now), so it can be replayed. Anyone
                  who sees it can send data as this account: do not share it.
                </AlertDialog>
              </DialogTrigger>
            </>
          )}
          <ActionButton isQuiet aria-label="Close message" onPress={onClose}>
            <Close />
          </ActionButton>
        </Flex>
      </Flex>
      <Text>
        Profile {r.identity || r.profileId} · created {formatDateTime(r.createdAt)}
        {r.failureReason ? ` · ${r.failureReason}` : ''}
      </Text>

      <div className="export-detail-columns">
        <div>
          <h3>Why it was sent</h3>
          <ul aria-label="Why it was sent">
            {r.reasons.map((reason, i) => (
              <Reason key={i} reason={reason} audienceName={audienceName} />
            ))}
          </ul>

          <h3>Payload</h3>
          <div aria-label="Payload JSON">
            <JsonView
              data={r.payload}
              shouldExpandNode={(level) => level < 5}
              style={defaultStyles}
            />
          </div>

          {r.stream && (
            <>
              <h3>Stream record</h3>
              <dl className="export-kv">
                <dt>{r.stream.kind === 'kinesis' ? 'Stream' : 'Event hub'}</dt>
                <dd>{r.stream.name}</dd>
                <dt>Partition key</dt>
                <dd>{r.stream.partitionKey}</dd>
                <dt>{r.stream.kind === 'kinesis' ? 'Shard' : 'Partition'}</dt>
                <dd>{r.stream.shardId}</dd>
                <dt>Sequence number</dt>
                <dd>{r.stream.sequenceNumber}</dd>
              </dl>
            </>
          )}

          <h3>Attempts</h3>
          <ol className="export-attempts" aria-label="Attempts">
            {r.attempts.length === 0 && <li>No attempt yet.</li>}
            {r.attempts.map((attempt) => (
              <li key={attempt.number} data-action={attempt.action}>
                <Text>
                  <strong>
                    Attempt {attempt.number}: {ACTIONS[attempt.action]}
                  </strong>{' '}
                  · {formatDateTime(attempt.startedAt)} · {Math.round(attempt.durationMs)} ms
                  {attempt.retryInMs !== null
                    ? ` · next in ${(attempt.retryInMs / 1000).toFixed(1)} s`
                    : ''}
                </Text>
                <div>{attempt.reason}</div>
                {attempt.tokenExchange && (
                  <details>
                    <summary>{TOKEN_CAUSES[attempt.tokenExchange.cause]}</summary>
                    <RequestView request={attempt.tokenExchange.request} isPayload={false} />
                    {attempt.tokenExchange.response && (
                      <ResponseView response={attempt.tokenExchange.response} />
                    )}
                    {attempt.tokenExchange.error && <Text>{attempt.tokenExchange.error}</Text>}
                  </details>
                )}
                {attempt.request && (
                  <details open={attempt.number === r.attempts.length}>
                    <summary>Request as sent</summary>
                    <RequestView request={attempt.request} isPayload />
                  </details>
                )}
                {attempt.response && (
                  <details open={attempt.number === r.attempts.length}>
                    <summary>Response</summary>
                    <ResponseView response={attempt.response} />
                  </details>
                )}
                {attempt.error && <Text>{attempt.error}</Text>}
              </li>
            ))}
          </ol>
        </div>
        <aside className="export-receiver" aria-label="Receiver side">
          <h3>What the receiver saw</h3>
          {r.receiver.length === 0 ? (
            <Text>
              {r.destination === 'http'
                ? 'The demo receiver recorded nothing for this message (its endpoint is not a .example host, or the entry is no longer retained).'
                : 'Stream destinations have no receiver: the record above is what the stream holds.'}
            </Text>
          ) : (
            <ol aria-label="What the receiver saw">
              {r.receiver.map((entry, index) => (
                <li key={entry.id}>
                  {formatDateTime(entry.at)}: {entry.method} {entry.url} → answered {entry.status}{' '}
                  after {Math.round(entry.answeredAfterMs)} ms
                  <details open={index === r.receiver.length - 1}>
                    <summary>Headers and body as received</summary>
                    <HeaderList
                      label="Headers as received"
                      headers={Object.entries(entry.headers)}
                    />
                    {entry.body === sentBody ? (
                      <Text>
                        Body: the same {bytes(entry.body).toLocaleString('en-US')} bytes as the
                        request as sent.
                      </Text>
                    ) : (
                      <Body label="Body as received" body={entry.body} />
                    )}
                  </details>
                </li>
              ))}
            </ol>
          )}
        </aside>
      </div>
    </section>
  )
}
