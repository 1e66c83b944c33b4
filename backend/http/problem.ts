import { LIMITS } from '../../contracts/limits'
import type { FieldError } from '../../contracts/problem'

/**
 * A failure in the Flow Service problem shape. Services throw these; the route wrapper turns
 * them into `application/problem+json` responses.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail)
  }

  toBody(requestId: string) {
    return {
      type: `https://ns.adobe.com/aep/errors/${this.code}`,
      title: this.title,
      status: this.status,
      report: { 'detailed-message': this.detail, 'request-id': requestId },
      ...(this.fieldErrors.length ? { errorDetails: this.fieldErrors } : {}),
    }
  }
}

const describeFields = (errors: FieldError[]) =>
  errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')

/** Every problem the API answers, in one place so codes and wording stay consistent. */
export const problems = {
  missingSandbox: () =>
    new Problem(
      400,
      'FLOW-2105-400',
      'Missing sandbox',
      "The header 'x-sandbox-name' is missing. Send the name of the sandbox the request is for.",
    ),
  unknownSandbox: (name: string) =>
    new Problem(
      404,
      'FLOW-2106-404',
      'Sandbox not found',
      `The sandbox '${name}' does not exist in this organization. Use 'prod' or 'dev'.`,
    ),
  notFound: (entity: string, id: string) =>
    new Problem(
      404,
      'FLOW-1439-404',
      'Resource not found',
      `No ${entity} with id '${id}' exists in this sandbox.`,
    ),
  missingIfMatch: () =>
    new Problem(
      400,
      'FLOW-1403-400',
      'Missing If-Match header',
      "The header 'If-Match' is missing. Send the entity's current etag, wrapped in double quotes.",
    ),
  versionMismatch: (supplied: string, current: string, id: string) =>
    new Problem(
      412,
      'FLOW-1404-412',
      'Version not matching',
      `Supplied version=[${supplied}] does not match the current version on entity=[${id}]. Read it again and retry with the current etag ${current}.`,
    ),
  invalidSpec: (kind: string, id: string) =>
    new Problem(
      400,
      'FLOW-1413-400',
      'Invalid spec id',
      `Please provide a valid ${kind} id: '${id}' is not one.`,
    ),
  invalidBody: (errors: FieldError[]) =>
    new Problem(
      400,
      'FLOW-1400-400',
      'Bad Request',
      `Invalid request body. ${describeFields(errors)}`,
      errors,
    ),
  malformedJson: (reason: string) =>
    new Problem(
      400,
      'FLOW-1401-400',
      'Malformed JSON',
      `The request body is not valid JSON: ${reason}`,
    ),
  tooDeep: () =>
    new Problem(
      400,
      'FLOW-1407-400',
      'Body nested too deep',
      `The request body nests objects and arrays more than ${LIMITS.jsonDepth} levels deep.`,
    ),
  bodyTooLarge: () =>
    new Problem(
      413,
      'FLOW-1408-413',
      'Payload too large',
      `The request body is larger than ${LIMITS.bodyBytes.toLocaleString('en-US')} bytes.`,
    ),
  invalidContentType: () =>
    new Problem(400, 'FLOW-1402-400', 'BadRequestError', 'A valid content-type must be specified.'),
  invalidPatch: (detail: string, path = '') =>
    new Problem(
      400,
      'FLOW-1405-400',
      'Invalid patch',
      detail,
      path ? [{ path, message: detail }] : [],
    ),
  connectionInUse: (id: string, flowIds: string[]) =>
    new Problem(
      400,
      'FLOW-1418-400',
      'Connection in use',
      `Cannot delete base connection '${id}': it is used in flows ${flowIds.join(', ')}. Delete those dataflows first.`,
    ),
  flowConnectionInUse: (kind: 'source' | 'target', id: string, flowIds: string[]) =>
    new Problem(
      400,
      'FLOW-1419-400',
      'Connection in use',
      `Cannot delete ${kind} connection '${id}': it is used in flows ${flowIds.join(', ')}.`,
    ),
  noReplayableRequest: (detail: string) =>
    new Problem(409, 'FLOW-1409-409', 'No request to replay', detail),
  audienceInUse: (audience: { id: string; name: string }, flows: { id: string; name: string }[]) =>
    new Problem(
      422,
      'FLOW-1420-422',
      'Audience in use',
      `Cannot delete the audience '${audience.name}' (${audience.id}): it is activated in dataflows ${flows.map((f) => `'${f.name}' (${f.id})`).join(', ')}. Remove it from those dataflows first.`,
    ),
  alreadyExists: (errors: FieldError[]) =>
    new Problem(422, 'FLOW-1422-422', 'Already exists', describeFields(errors), errors),
  invalidQuery: (detail: string, errors: FieldError[] = []) =>
    new Problem(400, 'FLOW-1406-400', 'Invalid query', detail, errors),
  noRoute: (method: string, path: string) =>
    new Problem(404, 'FLOW-1439-404', 'Resource not found', `No route answers ${method} ${path}.`),
  methodNotAllowed: (method: string, path: string, allowed: string[]) =>
    new Problem(
      405,
      'FLOW-1407-405',
      'Method not allowed',
      `${path} does not support ${method}. Use ${allowed.join(', ')}.`,
    ),
  internal: (detail: string) => new Problem(500, 'FLOW-1500-500', 'Internal Server Error', detail),
}
