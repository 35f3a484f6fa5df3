import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleDatabase, newId } from './database'
import { CloudError, invalidParam } from './errors'
import type { Faults } from './faults'
import type { FunctionRunner } from './functions'
import { readBody, sendBody, sendJson } from './http-util'
import {
  OPENAPI_REFUSED,
  openApiBinaryReply,
  openApiRefusal,
  openApiReply,
  readOpenApiRequest,
  type OpenApiRequest,
} from './openapi'
import type { FileStore } from './storage'
import type { Store } from './store'
import type { Transactions } from './transactions'
import { decodeCaller } from './wx-context'
import { getUnlimited } from './wxacode'

/**
 * POST /admin: the endpoint wx-server-sdk talks to (TCB_CONTEXT_CNFG.URL). Replies are HTTP 200
 * with `{requestId, data}` or `{requestId, code, message}` (cloud-protocol.md §1).
 */
export interface CloudApiDeps {
  store: Store
  transactions: Transactions
  files: FileStore
  functions: FunctionRunner
  appid: string
  now: () => number
  /** Test-only fault injection of database requests (faults.ts, POST /__dev/faults). */
  faults?: Faults
}

type Params = Record<string, unknown>
type Reply = Record<string, unknown>

// Inserts of many documents arrive here as one JSON body.
const ADMIN_BODY_LIMIT = 32 * 1024 * 1024
let requestSeq = 0
const nextRequestId = () => `local-${Date.now().toString(36)}-${(++requestSeq).toString(36)}`

async function invokeFunction(deps: CloudApiDeps, params: Params): Promise<Reply> {
  const name = String(params.function_name ?? '')
  if (!deps.functions.exists(name)) {
    throw new CloudError('FUNCTION_NOT_FOUND', `FunctionName parameter could not be found: ${name}`)
  }
  let event: unknown = params.request_data ?? '{}'
  try {
    event = JSON.parse(String(event))
  } catch {
    // The SDK passes non-JSON data through as a string; so does the cloud.
  }
  const caller = decodeCaller(params.wxCloudApiToken, deps.appid)
  try {
    const result = await deps.functions.invoke(name, event, caller)
    return { data: { response_data: JSON.stringify(result ?? null) } }
  } catch (err) {
    console.error(`[local-cloud] function ${name} (called by a function) failed:`, err)
    throw new CloudError('FUNCTIONS_EXECUTE_FAIL', (err as Error)?.message ?? String(err))
  }
}

function storageAction(deps: CloudApiDeps, action: string, params: Params): Reply {
  if (action === 'getUploadMetadata') return deps.files.getUploadMetadata(params)
  if (action === 'batchGetDownloadUrl') return deps.files.batchGetDownloadUrl(params)
  if (action === 'batchDeleteFile') return deps.files.batchDeleteFile(params)
  throw invalidParam(`unsupported action storage.${action}`)
}

async function dispatch(deps: CloudApiDeps, params: Params): Promise<Reply> {
  const action = typeof params.action === 'string' ? params.action : ''
  const [service, name] = [
    action.slice(0, action.indexOf('.')),
    action.slice(action.indexOf('.') + 1),
  ]
  if (service === 'database') return handleDatabase(deps, name, params)
  if (service === 'storage') return storageAction(deps, name, params)
  if (action === 'functions.invokeFunction') return invokeFunction(deps, params)
  throw invalidParam(`unsupported action ${action || '(none)'}`)
}

function errorReply(err: unknown, requestId: string): Reply {
  if (err instanceof CloudError) return { requestId, code: err.code, message: err.message }
  console.error('[local-cloud] cloud API failure:', err)
  return { requestId, code: 'SYS_ERR', message: `local cloud error: ${(err as Error)?.message}` }
}

function recordSubscribeMessage(deps: CloudApiDeps, params: Params): Reply {
  const { touser, template_id: templateId, page, data } = params
  if (typeof touser !== 'string' || !touser) {
    return { errcode: 40003, errmsg: 'invalid openid (local cloud: touser is empty)' }
  }
  if (typeof templateId !== 'string' || !templateId) {
    return { errcode: 47003, errmsg: 'argument invalid! data.template_id is empty' }
  }
  const doc = {
    _id: newId(),
    kind: 'subscribe',
    to: touser,
    template: templateId,
    page: typeof page === 'string' ? page : '',
    data: data ?? {},
    at: deps.now(),
  }
  deps.store.apply([{ collection: 'outbox', id: doc._id, doc }])
  return { errcode: 0, errmsg: 'ok' }
}

/**
 * WeChat's refusal of an openapi call (an errCode), or null: only a function may call, and only
 * the APIs its config.json lists in permissions.openapi. Logged loudly: it is a deployment bug.
 */
function openApiRefusalCode(deps: CloudApiDeps, request: OpenApiRequest): number | null {
  const { apiName } = request
  const fn = decodeCaller(request.fields.wxCloudApiToken, deps.appid).fn
  if (!fn) {
    console.error(`[local-cloud] openapi ${apiName} refused: not called from a cloud function`)
    return OPENAPI_REFUSED.illegalSource
  }
  if (deps.functions.mayCallOpenApi(fn, apiName)) return null
  console.error(
    `[local-cloud] openapi ${apiName} refused (-604101): ${fn}/config.json does not list it ` +
      `in "permissions": {"openapi": [...]}`,
  )
  return OPENAPI_REFUSED.noPermission
}

async function openApi(
  deps: CloudApiDeps,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
) {
  const request = await readOpenApiRequest(req.headers, body)
  const refusal = openApiRefusalCode(deps, request)
  if (refusal !== null)
    return sendBody(res, 200, openApiRefusal(refusal), 'application/octet-stream')
  sendBody(res, 200, await openApiAnswer(deps, req, request), 'application/octet-stream')
}

/** The APIs the local cloud stands in for; any other is refused as a bad parameter. */
async function openApiAnswer(deps: CloudApiDeps, req: IncomingMessage, request: OpenApiRequest) {
  if (request.apiName === 'subscribeMessage.send') {
    return openApiReply(recordSubscribeMessage(deps, request.params))
  }
  if (request.apiName === 'wxacode.getUnlimited') {
    // The code opens the H5 app where the function reached the local cloud (Host, checked by
    // the guard), so a second browser on this machine can scan or open it.
    const answer = await getUnlimited(`http://${req.headers.host}`, request.params)
    return 'png' in answer ? openApiBinaryReply(answer.png, 'image/png') : openApiReply(answer)
  }
  throw invalidParam(`local cloud does not implement openapi ${request.apiName}`)
}

export async function handleCloudApi(
  deps: CloudApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const requestId = nextRequestId()
  try {
    const body = await readBody(req, ADMIN_BODY_LIMIT)
    if (String(req.headers['content-type']).startsWith('multipart/form-data')) {
      return await openApi(deps, req, body, res)
    }
    let params: unknown
    try {
      params = JSON.parse(body.toString('utf8'))
    } catch {
      throw invalidParam('request body is not JSON')
    }
    if (!params || typeof params !== 'object') throw invalidParam('request body is not an object')
    sendJson(res, 200, { requestId, ...(await dispatch(deps, params as Params)) })
  } catch (err) {
    sendJson(res, 200, errorReply(err, requestId))
  }
}
