import type { HttpApiAuth } from '../../../contracts/destinations/auth'
import {
  buildExportRequest,
  parseExportDestination,
  type ExportRequest,
} from '../../../contracts/destinations/export-request'
import { httpApiTargetParamsSchema } from '../../../contracts/destinations/target'
import { samplePayload } from './sample-payload'

/** A problem that keeps the preview from showing, named by the field's label. */
export interface PreviewProblem {
  field: string
  message: string
}

export type RequestPreview =
  | { kind: 'empty' }
  | { kind: 'invalid'; problems: PreviewProblem[] }
  | { kind: 'ok'; request: ExportRequest }

/**
 * The request the HTTP API destination would send for an example profile with these destination
 * details and this account's authentication, secrets masked; or the problems of the details that
 * keep it from being built; or `empty` until an HTTP Endpoint is entered. `titles` names the
 * fields in problems.
 */
export function previewRequest(
  params: Record<string, unknown>,
  auth: HttpApiAuth,
  titles: Record<string, string>,
): RequestPreview {
  const endpoint = typeof params.httpEndpoint === 'string' ? params.httpEndpoint : ''
  if (endpoint.trim() === '') return { kind: 'empty' }
  const parsed = httpApiTargetParamsSchema.safeParse(params)
  if (!parsed.success) {
    return {
      kind: 'invalid',
      problems: parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '')
        return { field: titles[key] ?? key, message: issue.message }
      }),
    }
  }
  const destination = parseExportDestination(parsed.data, auth.type)
  if (!destination.ok) {
    return {
      kind: 'invalid',
      problems: destination.errors.map(({ message }) => ({
        field: titles.headers ?? 'headers',
        message,
      })),
    }
  }
  return {
    kind: 'ok',
    request: buildExportRequest({
      destination: destination.destination,
      auth,
      body: samplePayload(parsed.data),
      maskSecrets: true,
    }),
  }
}
