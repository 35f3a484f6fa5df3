import busboy from 'busboy'
import protobuf from 'protobufjs'
import type { IncomingHttpHeaders } from 'node:http'
import { invalidParam } from './errors'

/**
 * `cloud.openapi.*` (cloud-protocol.md §8): a multipart POST whose `requestData` part is a protobuf
 * CommApiData; the success reply must be a protobuf CommOpenApiResp, not JSON.
 */
const SCHEMA = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; string appid = 6; }
message CommOpenApiResp {
  bytes respData = 1; string contentType = 2; int32 errorCode = 3; int32 httpCode = 4;
  int32 svrkitErrorCode = 6;
}`
const root = protobuf.parse(SCHEMA).root
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

export interface OpenApiRequest {
  fields: Record<string, string>
  apiName: string
  appid: string
  /** Request parameters by snake_case name, values parsed from their JSON text. */
  params: Record<string, unknown>
}

/** Splits a multipart body into text fields and binary parts. */
function parseMultipart(headers: IncomingHttpHeaders, body: Buffer) {
  return new Promise<{ fields: Record<string, string>; files: Record<string, Buffer> }>(
    (resolve, reject) => {
      const fields: Record<string, string> = {}
      const files: Record<string, Buffer> = {}
      const parser = busboy({ headers })
      parser.on('field', (name, value) => (fields[name] = value))
      parser.on('file', (name, stream) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => (files[name] = Buffer.concat(chunks)))
      })
      parser.on('close', () => resolve({ fields, files }))
      parser.on('error', reject)
      parser.end(body)
    },
  )
}

function parseValue(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes).toString()
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export async function readOpenApiRequest(
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<OpenApiRequest> {
  const { fields, files } = await parseMultipart(headers, body)
  const raw = files.requestData ?? (fields.requestData ? Buffer.from(fields.requestData) : null)
  if (!raw) throw invalidParam('requestData is required')
  const data = CommApiData.toObject(CommApiData.decode(raw), { defaults: true }) as {
    appid: string
    openapiData?: { pairs?: { key: string; value: Uint8Array }[] }
  }
  const params: Record<string, unknown> = {}
  for (const pair of data.openapiData?.pairs ?? []) params[pair.key] = parseValue(pair.value)
  return { fields, apiName: fields.apiName ?? '', appid: data.appid, params }
}

/** WeChat's refusals of an openapi call, before the API itself runs (wx-server-sdk ERR_CODE). */
export const OPENAPI_REFUSED = {
  /** The calling function's config.json does not list the API in permissions.openapi. */
  noPermission: -604101,
  /** Not called from a cloud function. */
  illegalSource: -604104,
} as const

/**
 * A refusal as the cloud sends it: a CommOpenApiResp carrying only `errorCode`, which the SDK
 * throws as a CloudSDKError with that errCode ("system error: error code: -604101").
 */
export function openApiRefusal(errorCode: number): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ errorCode })).finish())
}

/** A JSON answer of a WeChat API (`{errcode, errmsg, …}`) wrapped as the SDK expects it. */
export function openApiReply(json: Record<string, unknown>): Buffer {
  const message = CommOpenApiResp.create({
    respData: Buffer.from(JSON.stringify(json)),
    contentType: 'application/json',
  })
  return Buffer.from(CommOpenApiResp.encode(message).finish())
}

/** A binary answer (wxacode's image): respData the bytes, contentType theirs. */
export function openApiBinaryReply(bytes: Buffer, contentType: string): Buffer {
  const message = CommOpenApiResp.create({ respData: bytes, contentType })
  return Buffer.from(CommOpenApiResp.encode(message).finish())
}
