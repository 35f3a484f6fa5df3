import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleCloudApi, type CloudApiDeps } from './cloud-api'
import { handleDev, type DevDeps } from './dev'
import { FunctionNotFound } from './functions'
import {
  adminRefusal,
  devRefusal,
  jsonRefusal,
  refusal,
  type GuardPolicy,
  type Refusal,
} from './guard'
import { BodyTooLarge, readBody, sendBody, sendError, sendJson } from './http-util'
import { serveStatic, contentTypeOf } from './static'
import { pathOfUrlKey, STORAGE_ROUTE, storageErrorXml } from './storage'
import type { WebAuth } from './web-auth'
import {
  AUTH_ROUTE,
  GATEWAY_FUNCTION_ROUTE,
  handleAuth,
  handleGatewayFunction,
} from './web-gateway'

/** Routes every request of the one HTTP server. */
export type ServerDeps = CloudApiDeps &
  DevDeps & { h5Dir: string; guard: GuardPolicy; webAuth: WebAuth }

const FUNCTION_ROUTE = '/api/functions/'
const FUNCTION_BODY_LIMIT = 1024 * 1024
const UPLOAD_LIMIT = 64 * 1024 * 1024
const INTERNAL_MESSAGE = '服务暂时不可用，请稍后再试'

function refuse(res: ServerResponse, r: Refusal): void {
  sendError(res, r.status, r.code, r.message)
}

function parseEvent(body: Buffer): { event: unknown } | null {
  const text = body.toString('utf8').trim()
  if (text === '') return { event: {} }
  try {
    return { event: JSON.parse(text) }
  } catch {
    return null
  }
}

async function callFunction(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
) {
  // No CORS headers: the H5 app is served from this origin, and no other page may call in.
  if (req.method !== 'POST') return sendError(res, 405, 'BAD_INPUT', '请使用 POST 调用云函数')
  const notJson = jsonRefusal(req)
  if (notJson) return refuse(res, notJson)
  if (!deps.functions.exists(name)) return sendError(res, 404, 'NOT_FOUND', `云函数 ${name} 不存在`)
  let body: Buffer
  try {
    body = await readBody(req, FUNCTION_BODY_LIMIT)
  } catch (err) {
    if (err instanceof BodyTooLarge) return sendError(res, 413, 'BAD_INPUT', '请求内容过大')
    throw err
  }
  const parsed = parseEvent(body)
  if (!parsed) return sendError(res, 400, 'BAD_INPUT', '请求格式错误：请求体必须是 JSON')
  const header = req.headers['x-wx-openid']
  const openid = typeof header === 'string' ? header.trim() : ''
  try {
    const result = await deps.functions.invoke(name, parsed.event, {
      openid,
      unionid: '',
      appid: deps.appid,
    })
    sendJson(res, 200, result === undefined ? null : result)
  } catch (err) {
    if (err instanceof FunctionNotFound) return sendError(res, 404, 'NOT_FOUND', err.message)
    // The stack is for the developer's terminal only; the caller gets the generic message.
    console.error(`[local-cloud] function ${name} failed:`, err)
    sendError(res, 500, 'INTERNAL', INTERNAL_MESSAGE)
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** COS's answers to a URL that gives no file: XML, and nothing of any file. */
const REFUSALS = {
  denied: [403, 'AccessDenied', 'Request has no valid signature'],
  expired: [403, 'AccessDenied', 'Request has expired'],
  missing: [404, 'NoSuchKey', 'file not found'],
} as const

async function storage(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, url: URL) {
  const key = url.pathname.slice(STORAGE_ROUTE.length)
  if (req.method === 'PUT') {
    const path = pathOfUrlKey(key)
    const body = await readBody(req, UPLOAD_LIMIT).catch(() => null)
    const token = req.headers['x-cos-security-token']
    const error = !path
      ? 'invalid path'
      : !body
        ? 'file too large'
        : deps.files.put(path, typeof token === 'string' ? token : undefined, body)
    if (error) return sendBody(res, 403, storageErrorXml('AccessDenied', error), 'application/xml')
    return sendBody(res, 200, '', 'text/plain')
  }
  // Reading needs a temporary URL from getTempFileURL: signed by this process, not expired.
  const found =
    req.method === 'GET' || req.method === 'HEAD'
      ? deps.files.readSigned(key, url.searchParams)
      : 'missing'
  if (typeof found === 'string') {
    const [status, code, message] = REFUSALS[found]
    return sendBody(res, status, storageErrorXml(code, message), 'application/xml')
  }
  sendRange(req, res, found.bytes, contentTypeOf(found.path))
}

/**
 * Answers a single `Range: bytes=a-b` with 206 (a video player seeks this way, and a browser
 * refuses to seek in a file served without it), anything unsatisfiable with 416, else the whole.
 */
function sendRange(req: IncomingMessage, res: ServerResponse, bytes: Buffer, type: string) {
  const header = req.headers.range
  const m = typeof header === 'string' ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null
  if (!m || (m[1] === '' && m[2] === '')) {
    return sendBody(res, 200, bytes, type, { 'accept-ranges': 'bytes' })
  }
  const size = bytes.length
  // `bytes=-n` is the last n bytes; `bytes=a-` runs to the end.
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1])
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size || start > end) {
    return sendBody(res, 416, '', 'text/plain', { 'content-range': `bytes */${size}` })
  }
  sendBody(res, 206, bytes.subarray(start, end + 1), type, {
    'accept-ranges': 'bytes',
    'content-range': `bytes ${start}-${end}/${size}`,
  })
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse) {
  const refused = refusal(deps.guard, req)
  if (refused) return refuse(res, refused)
  const url = new URL(req.url ?? '/', 'http://local')
  const path = url.pathname
  if (path === '/admin' && req.method === 'POST') {
    const notSdk = adminRefusal(deps.guard, req)
    return notSdk ? refuse(res, notSdk) : handleCloudApi(deps, req, res)
  }
  if (path.startsWith(FUNCTION_ROUTE)) {
    return callFunction(deps, req, res, safeDecode(path.slice(FUNCTION_ROUTE.length)))
  }
  if (path.startsWith(STORAGE_ROUTE)) return storage(deps, req, res, url)
  // The web SDK (GATEWAY mode) at the page's own origin: sign-in and callFunction.
  if (path.startsWith(AUTH_ROUTE)) return handleAuth(deps, req, res)
  if (path.startsWith(GATEWAY_FUNCTION_ROUTE)) {
    const name = safeDecode(path.slice(GATEWAY_FUNCTION_ROUTE.length))
    return handleGatewayFunction(deps, req, res, name)
  }
  if (path.startsWith('/__dev/')) {
    const notAllowed = devRefusal(deps.guard, req, path)
    return notAllowed ? refuse(res, notAllowed) : handleDev(deps, req, res, url)
  }
  if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res, deps.h5Dir, path)
  sendError(res, 404, 'NOT_FOUND', `${req.method} ${path}`)
}

export function requestHandler(deps: ServerDeps) {
  return (req: IncomingMessage, res: ServerResponse) => {
    route(deps, req, res).catch((err: unknown) => {
      console.error('[local-cloud] request failed:', err)
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } })
      else res.destroy()
    })
  }
}
