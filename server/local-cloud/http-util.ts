import type { IncomingMessage, ServerResponse } from 'node:http'

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`)
  }
}

// Past this, draining an oversize body to answer 413 politely is not worth it: drop the socket.
const DRAIN_CAP = 64 * 1024 * 1024

/**
 * The whole request body, or BodyTooLarge once `limit` is passed. An oversize body is still read
 * to its end (and discarded) so the client receives the 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const declared = Number(req.headers['content-length'])
    let tooLarge = Number.isFinite(declared) && declared > limit
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      if (size > DRAIN_CAP) req.destroy()
      if (!tooLarge) chunks.push(chunk)
    })
    req.on('end', () =>
      tooLarge ? reject(new BodyTooLarge(limit)) : resolve(Buffer.concat(chunks)),
    )
    req.on('error', reject)
  })
}

export function sendBody(
  res: ServerResponse,
  status: number,
  body: Buffer | string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length, ...headers })
  res.end(bytes)
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendBody(res, status, JSON.stringify(body ?? null), 'application/json; charset=utf-8')
}

/** The error body of this project's HTTP API (types/errors.ts shape). */
export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { ok: false, error: { code, message } })
}
