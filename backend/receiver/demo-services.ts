import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import type { SandboxStore } from '../store/collections'
import type { InAppRequest, InAppService } from './outbound'
import type { ReceiverLog } from './receiver-log'
import { ANSWERS } from './scenarios'
import type { TokenServer } from './token-server'

const TOKEN_HOST = 'auth.example'
const TOKEN_PATH = '/oauth/token'

const BEARER = /^Bearer\s+(.+)$/i

/**
 * The demo services behind every `.example` URL: the OAuth token server at
 * https://auth.example/oauth/token, and the receiver everywhere else. The receiver accepts an
 * `Authorization: Bearer` token only when it is the demo token or one the token server issued
 * and that has not expired (any other scheme is not checked), then answers by the endpoint's
 * fault scenario. Both record what they got in the sandbox's receiver log when they answer.
 */
export function createDemoServices({
  tokenServer,
  logs,
}: {
  tokenServer: TokenServer
  logs: (sandbox: SandboxStore) => ReceiverLog
}): InAppService[] {
  const tokenAccepted = (authorization: string | undefined): boolean => {
    if (authorization === undefined) return true
    const match = BEARER.exec(authorization)
    if (!match) return true
    const token = match[1].trim()
    return token === DEMO_CREDENTIALS.bearerToken || tokenServer.isValid(token)
  }

  const tokenService: InAppService = (request: InAppRequest) => {
    if (request.host !== TOKEN_HOST || request.path !== TOKEN_PATH) return null
    const response = tokenServer.handle(request)
    const log = logs(request.sandbox)
    return {
      ...response,
      answered: () => log.record(request.endpoint, request, response.status, 0),
    }
  }

  const receiver: InAppService = (request: InAppRequest) => {
    const log = logs(request.sandbox)
    const { endpoint } = request
    const answer = tokenAccepted(request.headers.authorization)
      ? log.answer(endpoint)
      : ANSWERS.invalidToken
    return {
      status: answer.status,
      headers: answer.headers,
      body: answer.body,
      delayMs: answer.delayMs,
      answered: () => log.record(endpoint, request, answer.status, answer.delayMs),
    }
  }

  return [tokenService, receiver]
}
