import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/**
 * Who may drive the local cloud. Listening on loopback keeps other machines out, but not the web
 * pages the developer visits: any of them can send requests to 127.0.0.1, and a DNS-rebinding name
 * can even read the answers. So a request must name this machine (Host), come from the local
 * cloud's own pages or none (Origin), and say it is JSON (a content type no page can send across
 * origins without asking first). /admin also needs the per-start SDK credential, and when the
 * cloud listens beyond loopback, /__dev needs a token (issue #8).
 */
export interface GuardPolicy {
  /** Listening beyond loopback (LOCAL_CLOUD_HOST=0.0.0.0 …): other machines can connect. */
  exposed: boolean
  /** Host names accepted besides IP literals and localhost when exposed (lowercase). */
  allowedHosts: readonly string[]
  /** TENCENTCLOUD_SECRETID of the in-process SDK: the only credential /admin accepts. */
  sdkSecret: string
  /** X-Local-Cloud-Token that /__dev needs when exposed. */
  devToken: string
}

export interface Refusal {
  status: number
  code: 'FORBIDDEN' | 'BAD_INPUT'
  message: string
}

/** `npm run dev:h5` (config/dev.ts devServer): its proxy forwards the page's Origin as it is. */
const DEV_SERVER_PORT = '10086'
const JSON_TYPE = 'application/json'
const MULTIPART_TYPE = 'multipart/form-data'
// `Credential=<secretId>/<date>/tcb/tc3_request` (@cloudbase/signature-nodejs).
const SDK_CREDENTIAL = /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\//

const forbidden = (message: string): Refusal => ({ status: 403, code: 'FORBIDDEN', message })

// A host name or bracketed IPv6 address, and a port: nothing a URL parser could read differently.
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/** The host name of a Host header (`[::1]:8787` → `[::1]`), lowercase; null when malformed. */
function hostnameOf(host: string | undefined): string | null {
  if (!host || !HOST_HEADER.test(host)) return null
  try {
    return new URL(`http://${host}`).hostname
  } catch {
    return null
  }
}

const unbracket = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1')

/** 127.0.0.0/8, ::1 and localhost: names that cannot be rebound to another machine. */
export function isLoopback(hostname: string): boolean {
  const bare = unbracket(hostname.toLowerCase())
  if (bare === 'localhost' || bare === '::1') return true
  return isIP(bare) === 4 && bare.startsWith('127.')
}

function hostAllowed(policy: GuardPolicy, hostname: string): boolean {
  if (isLoopback(hostname)) return true
  if (!policy.exposed) return false
  // DNS rebinding needs a name; an IP literal always means the machine it names.
  return isIP(unbracket(hostname)) !== 0 || policy.allowedHosts.includes(hostname)
}

/** The local cloud's own pages (the origin the request is addressed to), or the H5 dev server. */
function originAllowed(origin: string, host: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' || url.origin !== origin.toLowerCase()) return false
  if (url.host === new URL(`http://${host}`).host) return true
  return isLoopback(url.hostname) && url.port === DEV_SERVER_PORT
}

/** Host and Origin: the rules every route shares. */
export function refusal(policy: GuardPolicy, req: IncomingMessage): Refusal | null {
  const host = req.headers.host
  const hostname = hostnameOf(host)
  if (!hostname || !hostAllowed(policy, hostname)) {
    return forbidden(`拒绝访问：请求的主机名 ${host ?? '(无)'} 不是本机地址`)
  }
  const origin = req.headers.origin
  if (origin !== undefined && !originAllowed(origin, host!)) {
    return forbidden(`拒绝访问：本地云只接受来自自身页面的请求，来源 ${origin} 不被允许`)
  }
  return null
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
}

/** JSON bodies only (the H5 app, scripts and tests all send it; a cross-site form cannot). */
export function jsonRefusal(req: IncomingMessage): Refusal | null {
  if (mediaType(req) === JSON_TYPE) return null
  return {
    status: 415,
    code: 'BAD_INPUT',
    message: '请求格式错误：Content-Type 必须是 application/json',
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The web SDK's sign-in POSTs (`/auth/v1/*`): its fetch sends the JSON as text/plain, a type any
 * page may send across origins without asking first. So text/plain is taken only with an Origin
 * (every browser sends one on a POST), which refusal() has already checked is our own.
 */
export function webSdkRefusal(req: IncomingMessage): Refusal | null {
  if (mediaType(req) === 'text/plain' && req.headers.origin !== undefined) return null
  return jsonRefusal(req)
}

/** /admin: JSON (or multipart for cloud.openapi.*) from an SDK holding this start's secret. */
export function adminRefusal(policy: GuardPolicy, req: IncomingMessage): Refusal | null {
  const type = mediaType(req)
  if (type !== JSON_TYPE && type !== MULTIPART_TYPE) {
    return {
      status: 415,
      code: 'BAD_INPUT',
      message: '请求格式错误：Content-Type 必须是 application/json 或 multipart/form-data',
    }
  }
  const credential = SDK_CREDENTIAL.exec(req.headers.authorization ?? '')?.[1]
  if (!credential || !sameSecret(credential, policy.sdkSecret)) {
    return forbidden('拒绝访问：/admin 只接受本地云内运行的云函数（凭据不符）')
  }
  return null
}

/** /__dev: a token when exposed, except the demo user list the H5 identity switcher reads. */
export function devRefusal(policy: GuardPolicy, req: IncomingMessage, path: string) {
  if (req.method === 'POST') {
    const notJson = jsonRefusal(req)
    if (notJson) return notJson
  }
  if (!policy.exposed || (req.method === 'GET' && path === '/__dev/users')) return null
  const token = req.headers['x-local-cloud-token']
  if (typeof token === 'string' && sameSecret(token, policy.devToken)) return null
  return forbidden('拒绝访问：本地云对外监听时，/__dev 需要请求头 X-Local-Cloud-Token')
}
