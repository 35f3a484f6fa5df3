/**
 * Compressed copies of the H5 build's text files for the local cloud's static serving: brotli or
 * gzip, chosen by Accept-Encoding, made once per file version (path, size, mtime) off the event
 * loop and kept, so a page load costs no compression after the first.
 */
import type { Stats } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

export type Coding = 'br' | 'gzip' | 'identity'

/** Below this a compressed body saves less than its headers and the work cost. */
const MIN_BYTES = 1024
const TEXT = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/
/** Kept copies beyond this are dropped (a long session across many rebuilds). */
const CACHE_CAP_BYTES = 64 * 1024 * 1024

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

export function isCompressible(contentType: string, size: number): boolean {
  return size >= MIN_BYTES && TEXT.test(contentType)
}

/** Each coding's q-value in an Accept-Encoding header (RFC 9110 §12.5.3); `*` stands for the rest. */
function qualities(header: string): Map<string, number> {
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  return q
}

/** The best coding the client takes: brotli, then gzip, then the file as it is. */
export function pickCoding(header: string | string[] | undefined): Coding {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  const q = qualities(text)
  const of = (name: string) => q.get(name) ?? q.get('*') ?? 0
  const br = of('br')
  const gz = Math.max(of('gzip'), q.get('x-gzip') ?? 0)
  if (br > 0 && br >= gz) return 'br'
  return gz > 0 ? 'gzip' : 'identity'
}

/** A strong validator per file version and representation (each coding is other bytes). */
export function etagOf(stat: Stats, coding: Coding): string {
  const version = `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`
  return `"${version}${coding === 'identity' ? '' : `-${coding}`}"`
}

/** If-None-Match holds this ETag (or `*`); weak comparison, as RFC 9110 §13.1.2 asks. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag))
}

const kept = new Map<string, Promise<Buffer>>()
let keptBytes = 0

async function compress(file: string, coding: 'br' | 'gzip'): Promise<Buffer> {
  const raw = await readFile(file)
  if (coding === 'gzip') return gzipAsync(raw, { level: 9 })
  return brotli(raw, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      // Quality 9 of 11: within a few per cent of the best, several times faster on a first load.
      [constants.BROTLI_PARAM_QUALITY]: 9,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  })
}

/**
 * The file's compressed body, made once per version: concurrent first requests share one
 * compression; a rebuilt file (new size or mtime) is a new key, so an old copy is never sent.
 */
export function compressed(file: string, stat: Stats, coding: 'br' | 'gzip'): Promise<Buffer> {
  const key = `${coding}\0${file}\0${stat.size}\0${stat.mtimeMs}`
  const have = kept.get(key)
  if (have) return have
  if (keptBytes > CACHE_CAP_BYTES) {
    kept.clear()
    keptBytes = 0
  }
  const made = compress(file, coding).then(
    (body) => {
      keptBytes += body.length
      return body
    },
    (err: unknown) => {
      kept.delete(key)
      throw err
    },
  )
  kept.set(key, made)
  return made
}
