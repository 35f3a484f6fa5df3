import type { IncomingMessage, ServerResponse } from 'node:http'
import { FunctionNotFound, type FunctionRunner } from './functions'
import { webSdkRefusal, jsonRefusal } from './guard'
import { BodyTooLarge, readBody, sendJson } from './http-util'
import type { WebAuth } from './web-auth'

/**
 * What @cloudbase/js-sdk talks to in GATEWAY mode (docs/web-sdk-protocol.md), at the origin the
 * H5 page is served from: `/auth/v1/*` (sign-in, refresh, revoke, the user) and
 * `POST /v1/functions/<name>` (callFunction, the caller named by its access token).
 */
export interface WebGatewayDeps {
  webAuth: WebAuth
  functions: FunctionRunner
  appid: string
}

export const AUTH_ROUTE = '/auth/v1/'
export const GATEWAY_FUNCTION_ROUTE = '/v1/functions/'

const BODY_LIMIT = 1024 * 1024
const INTERNAL_MESSAGE = '服务暂时不可用，请稍后再试'
let requestSeq = 0
const requestId = () => `local-web-${Date.now().toString(36)}-${(++requestSeq).toString(36)}`

/** 127.0.0.1 rather than ::ffff:127.0.0.1: the address as the gateway would report it. */
function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const text = (await readBody(req, BODY_LIMIT)).toString('utf8').trim()
  if (text === '') return {}
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

const authError = (res: ServerResponse, status: number, error: string, description: string) =>
  sendJson(res, status, { error, error_description: description })

/** `/auth/v1/<path>`: answers shaped as the SDK's oauth2client reads them. */
export async function handleAuth(deps: WebGatewayDeps, req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://local').pathname.slice(AUTH_ROUTE.length - 1)
  const auth = deps.webAuth
  if (req.method === 'GET' && path === '/user/me') {
    const check = auth.checkAccess(req.headers.authorization)
    if (!('user' in check)) return authError(res, 401, 'unauthenticated', check.message)
    const { uid, customUserId, anonymous } = check.user
    return sendJson(res, 200, {
      sub: uid,
      name: '',
      groups: [{ id: anonymous ? 'anonymous' : 'user' }],
      ...(customUserId ? { providers: [{ id: 'custom', provider_user_id: customUserId }] } : {}),
    })
  }
  if (req.method !== 'POST') return authError(res, 404, 'not_found', `${req.method} ${path}`)
  const notSdk = webSdkRefusal(req)
  if (notSdk) return authError(res, notSdk.status, 'invalid_request', notSdk.message)
  const body = await jsonBody(req).catch((err) => {
    if (err instanceof BodyTooLarge) return null
    throw err
  })
  if (!body) return authError(res, 400, 'invalid_argument', 'body must be a JSON object')
  const answer = (result: object) =>
    'error' in result ? sendJson(res, 400, result) : sendJson(res, 200, result)
  switch (path) {
    case '/signin/anonymously':
      return answer(auth.signInAnonymously())
    case '/signin/custom':
      return answer(auth.signInCustom(body.ticket))
    case '/token':
      if (body.grant_type !== 'refresh_token') {
        return authError(res, 400, 'unsupported_grant_type', 'only refresh_token is supported')
      }
      return answer(auth.refresh(body.refresh_token))
    case '/revoke':
      auth.revoke(body.token)
      return sendJson(res, 200, {})
    case '/user/signout':
      auth.revoke(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1])
      return sendJson(res, 200, {})
    default:
      return authError(res, 404, 'not_found', `the local cloud does not implement ${path}`)
  }
}

const gatewayError = (res: ServerResponse, status: number, code: string, message: string) =>
  sendJson(res, status, { code, message, requestId: requestId() })

/** `POST /v1/functions/<name>`: the body is the event, the answer the function's return value. */
export async function handleGatewayFunction(
  deps: WebGatewayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
) {
  if (req.method !== 'POST') return gatewayError(res, 405, 'INVALID_PARAM', 'use POST')
  const notJson = jsonRefusal(req)
  if (notJson) return gatewayError(res, notJson.status, 'INVALID_PARAM', notJson.message)
  const check = deps.webAuth.checkAccess(req.headers.authorization)
  if (!('user' in check)) return gatewayError(res, 401, check.code, check.message)
  if (!deps.functions.exists(name)) {
    return gatewayError(res, 404, 'FUNCTION_NOT_FOUND', `function ${name} not found`)
  }
  let event: Record<string, unknown> | null
  try {
    event = await jsonBody(req)
  } catch (err) {
    if (err instanceof BodyTooLarge) return gatewayError(res, 413, 'INVALID_PARAM', '请求内容过大')
    throw err
  }
  if (!event) return gatewayError(res, 400, 'INVALID_PARAM', '请求体必须是 JSON 对象')
  try {
    const result = await deps.functions.invoke(name, event, {
      openid: '',
      unionid: '',
      appid: deps.appid,
      web: { ...check.user, ip: clientIp(req) },
    })
    sendJson(res, 200, result === undefined ? null : result)
  } catch (err) {
    if (err instanceof FunctionNotFound) {
      return gatewayError(res, 404, 'FUNCTION_NOT_FOUND', err.message)
    }
    // The stack is for the developer's terminal; the browser gets the generic message.
    console.error(`[local-cloud] function ${name} (web caller) failed:`, err)
    gatewayError(res, 500, 'FUNCTIONS_EXECUTE_FAIL', INTERNAL_MESSAGE)
  }
}
