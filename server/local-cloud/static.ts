import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendBody } from './http-util'
import { compressed, etagOf, isCompressible, matches, pickCoding } from './compress'

/** The H5 build (dist/h5): files as they are, and index.html for client-side routes. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
}

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>本地云开发环境</title></head><body style="font-family:sans-serif;padding:2em">
<h1>H5 页面尚未构建</h1><p>请先运行 <code>npm run build:h5</code>，然后刷新本页。</p>
<p>云函数接口已可用：<code>POST /api/functions/&lt;name&gt;</code></p></body></html>`

function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const file = normalize(join(root, decoded))
  return file === root || file.startsWith(root + sep) ? file : null
}

/**
 * A file of the build, as the client takes it: brotli or gzip by Accept-Encoding for text (as
 * production static hosting does), each representation under its own ETag; 304 when the client
 * holds it already.
 */
async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  cacheControl: string,
): Promise<void> {
  const stat = statSync(file)
  const type = contentTypeOf(file)
  const compressible = isCompressible(type, stat.size)
  const coding = compressible ? pickCoding(req.headers['accept-encoding']) : 'identity'
  const headers: Record<string, string> = {
    'cache-control': cacheControl,
    etag: etagOf(stat, coding),
    // Caches must key on Accept-Encoding whenever the body could have differed by it.
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
  }
  if (matches(req.headers['if-none-match'], headers.etag)) {
    if (!res.headersSent) res.writeHead(304, headers).end()
    return
  }
  if (coding === 'identity') return sendBody(res, 200, readFileSync(file), type, headers)
  const body = await compressed(file, stat, coding)
  sendBody(res, 200, body, type, { ...headers, 'content-encoding': coding })
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  h5Dir: string,
  urlPath: string,
): Promise<void> {
  const root = normalize(h5Dir)
  const index = join(root, 'index.html')
  if (!existsSync(index)) return sendBody(res, 200, NOT_BUILT, TYPES['.html'])
  const file = urlPath === '/' ? index : fileUnder(root, urlPath)
  if (file && existsSync(file) && statSync(file).isFile()) {
    return sendFile(req, res, file, file === index ? 'no-cache' : 'public, max-age=300')
  }
  // Client-side routes have no extension; a missing asset is a real 404.
  if (extname(urlPath) === '') return sendFile(req, res, index, 'no-cache')
  sendBody(res, 404, 'Not found', 'text/plain; charset=utf-8')
}
