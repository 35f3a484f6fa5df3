import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { invalidParam } from './errors'

/**
 * Cloud storage (cloud-protocol.md §7) as files under `<dataDir>/files/<cloudPath>`. Upload is
 * two steps like COS: getUploadMetadata hands out a one-time token and a URL on this server, the
 * SDK PUTs the bytes there. A file is read back only through a temporary URL of
 * batchGetDownloadUrl (getTempFileURL, downloadFile): signed and expiring, as WeChat's are.
 */
export const STORAGE_ROUTE = '/__storage/'
const UPLOAD_TTL_MS = 10 * 60_000
/** getTempFileURL's maxAge in WeChat: one day by default, and at most a day. */
export const MAX_URL_AGE_S = 86400

type Params = Record<string, unknown>

/** Why a storage URL gives no file: a bad or forged one, one past its time, or no such file. */
export type Refused = 'denied' | 'expired' | 'missing'

export class FileStore {
  private readonly root: string
  private readonly uploads = new Map<string, { path: string; expires: number }>()
  /**
   * Signs temporary URLs. Random per start and never stored, like the SDK secret (config.ts): a
   * URL cannot be made without this process, and a restart voids every URL handed out.
   */
  private readonly urlKey = randomBytes(32)

  constructor(
    dataDir: string,
    private readonly envName: string,
    private readonly origin: () => string,
    /** The local cloud's clock (POST /__dev/clock moves it), which URLs expire by. */
    private readonly now: () => number = Date.now,
  ) {
    this.root = join(dataDir, 'files')
    mkdirSync(this.root, { recursive: true })
  }

  private fileIdOf(path: string): string {
    return `cloud://${this.envName}.local-cloud/${path}`
  }

  private file(path: string): string {
    return join(this.root, ...path.split('/'))
  }

  /**
   * Where the SDK PUTs an upload (with its one-time token); a GET there is refused, unsigned.
   * downloadFile encodeURI()s the URL it gets (§7), which breaks a path holding `#`, `?` or `%`
   * whichever way it is escaped; an ASCII-only key survives that untouched.
   */
  private uploadUrlOf(path: string): string {
    return this.origin() + STORAGE_ROUTE + keyOfPath(path)
  }

  private signature(path: string, expiresS: number): string {
    return createHmac('sha256', this.urlKey).update(`${path}\n${expiresS}`).digest('base64url')
  }

  /** A URL that serves `path` until `maxAgeS` seconds from now: `t` its expiry, `sign` the HMAC. */
  private tempUrlOf(path: string, maxAgeS: number): string {
    const t = Math.floor(this.now() / 1000) + maxAgeS
    const sign = this.signature(path, t)
    return `${this.uploadUrlOf(path)}?t=${t}&sign=${sign}`
  }

  /**
   * The file a GET of a storage URL may have: its path and bytes only when the URL is one this
   * process signed, for that very path, and not past its expiry.
   */
  readSigned(key: string, query: URLSearchParams): { path: string; bytes: Buffer } | Refused {
    const path = pathOfUrlKey(key)
    const t = query.get('t') ?? ''
    const sign = Buffer.from(query.get('sign') ?? '')
    if (!path || !/^\d{1,12}$/.test(t)) return 'denied'
    // Compared as text, in constant time: decoding would accept stray characters around it.
    const expected = Buffer.from(this.signature(path, Number(t)))
    if (sign.length !== expected.length || !timingSafeEqual(sign, expected)) return 'denied'
    if (Number(t) * 1000 <= this.now()) return 'expired'
    const bytes = this.read(path)
    return bytes ? { path, bytes } : 'missing'
  }

  getUploadMetadata(params: Params) {
    const path = cloudPath(params.path)
    const token = randomBytes(16).toString('hex')
    this.uploads.set(token, { path, expires: Date.now() + UPLOAD_TTL_MS })
    const fileId = this.fileIdOf(path)
    const url = this.uploadUrlOf(path)
    // cosFileId travels back in an HTTP header (x-cos-meta-fileid): it must stay ASCII.
    return { data: { url, token, authorization: token, fileId, cosFileId: `local-${token}` } }
  }

  /** Stores an upload; returns an error message for the COS-style XML reply, or null. */
  put(path: string, token: string | undefined, bytes: Buffer): string | null {
    const pending = token ? this.uploads.get(token) : undefined
    if (!pending || pending.path !== path || pending.expires < Date.now()) {
      return 'upload token missing, expired or for another path'
    }
    this.uploads.delete(token!)
    writeDurably(this.file(path), bytes)
    return null
  }

  /** Writes a file directly (demo data's photos), bypassing the upload token. */
  static seed(dataDir: string, path: string, bytes: Buffer): void {
    writeDurably(join(dataDir, 'files', ...cloudPath(path).split('/')), bytes)
  }

  read(path: string): Buffer | null {
    let file: string
    try {
      file = this.file(cloudPath(path))
    } catch {
      return null
    }
    return existsSync(file) ? readFileSync(file) : null
  }

  private pathOfFileId(fileId: unknown): string | null {
    const m = typeof fileId === 'string' ? /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId) : null
    if (!m) return null
    try {
      return cloudPath(m[1])
    } catch {
      return null
    }
  }

  batchGetDownloadUrl(params: Params) {
    const list = Array.isArray(params.file_list) ? params.file_list : []
    const download_list = list.map((item: { fileid?: unknown; max_age?: unknown }) => {
      const path = this.pathOfFileId(item?.fileid)
      const maxAge = maxAgeOf(item?.max_age)
      if (!path || !existsSync(this.file(path))) {
        return {
          fileID: item?.fileid,
          tempFileURL: '',
          code: 'STORAGE_FILE_NONEXIST',
          message: 'storage file not exists',
        }
      }
      const tempFileURL = this.tempUrlOf(path, maxAge)
      return { fileID: item.fileid, tempFileURL, code: 'SUCCESS', maxAge }
    })
    return { data: { download_list } }
  }

  batchDeleteFile(params: Params) {
    const list = Array.isArray(params.fileid_list) ? params.fileid_list : []
    const delete_list = list.map((fileID: unknown) => {
      const path = this.pathOfFileId(fileID)
      if (!path || !existsSync(this.file(path))) {
        return { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
      }
      rmSync(this.file(path))
      return { fileID, code: 'SUCCESS' }
    })
    return { data: { delete_list } }
  }
}

/** The seconds a temporary URL lasts: what was asked, within WeChat's one day; a day if unsaid. */
export function maxAgeOf(raw: unknown): number {
  const asked = Math.floor(Number(raw))
  return Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_URL_AGE_S) : MAX_URL_AGE_S
}

const keyOfPath = (path: string) => Buffer.from(path).toString('base64url')

/** The cloud path a storage URL stands for, or null. */
export function pathOfUrlKey(key: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(key)) return null
  try {
    return cloudPath(Buffer.from(key, 'base64url').toString('utf8'))
  } catch {
    return null
  }
}

/** A cloud path as a safe relative path: no empty, `.` or `..` segments, no NUL. */
export function cloudPath(raw: unknown): string {
  if (typeof raw !== 'string') throw invalidParam('cloudPath is required')
  const segments = raw.replace(/^\/+/, '').split('/')
  const bad = segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0'))
  if (bad || raw.length > 1024) throw invalidParam(`invalid cloudPath: ${raw}`)
  return segments.join('/')
}

/** Written to a temp file, fsynced, then renamed: a crash leaves the old file or the new one. */
export function writeDurably(file: string, bytes: Buffer): void {
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  const fd = openSync(temp, 'w')
  try {
    writeSync(fd, bytes)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
}

export function storageErrorXml(code: string, message: string): string {
  const id = randomBytes(8).toString('hex')
  return (
    "<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>" +
    code +
    '</Code><Message>' +
    message.replace(/[<&>]/g, '') +
    `</Message><Resource>/</Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  )
}
