/**
 * Cloud storage through the real SDK: upload, temporary URL, download, delete, and what each
 * reports for a file that does not exist; a file is served only on a signed URL that expires.
 */
import { startCloud, type TestCloud } from '../support/cloud'
import { connectSdk, rejection, result, SDK_ENV } from './sdk'

let cloud: TestCloud
let sdk: ReturnType<typeof connectSdk>

beforeAll(async () => {
  cloud = await startCloud({ seed: false, env: SDK_ENV })
  sdk = connectSdk(cloud.url)
}, 60_000)
afterAll(() => cloud?.stop())

type FileItem = {
  fileID: string
  status: number
  tempFileURL: string
  maxAge?: number
  errMsg?: string
}

const DAY_S = 86400

/** A temporary URL of `fileID`, asked for as the functions ask (`maxAge` in seconds, optional). */
async function tempUrl(fileID: string, maxAge?: number): Promise<FileItem> {
  const item = maxAge === undefined ? fileID : { fileID, maxAge }
  const { fileList } = await result<{ fileList: FileItem[] }>(
    sdk.getTempFileURL({ fileList: [item] }),
  )
  return fileList[0]
}

/** GET as downloadFile does (it encodeURI()s the URL); the status and the bytes. */
async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(encodeURI(url), { headers })
  return { res, body: Buffer.from(await res.arrayBuffer()) }
}

/** The URL with its query parameter `name` set to `value`. */
function withParam(url: string, name: string, value: string): string {
  const u = new URL(url)
  u.searchParams.set(name, value)
  return u.toString()
}

/** The storage key (the path segment after /__storage/) of a URL. */
const keyOf = (url: string) => new URL(url).pathname.split('/').pop()!

describe('storage', () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255, ...Buffer.from('安全检查照片')])
  const cloudPath = 'safety/p-1/检查 照片 #1.jpg'
  let fileID: string

  it('uploads bytes and gives back a fileID', async () => {
    const res = await result<{ fileID: string }>(sdk.uploadFile({ cloudPath, fileContent: bytes }))
    fileID = res.fileID
    expect(fileID).toMatch(/^cloud:\/\/local-env\.[^/]+\/safety\/p-1\//)
  })

  it('downloads the same bytes through the SDK and through the temporary URL', async () => {
    const down = await result<{ fileContent: Buffer }>(sdk.downloadFile({ fileID }))
    expect(Buffer.compare(down.fileContent, bytes)).toBe(0)
    const { fileList } = await result<{ fileList: FileItem[] }>(
      sdk.getTempFileURL({ fileList: [fileID] }),
    )
    expect(fileList[0]).toMatchObject({ fileID, status: 0 })
    const res = await fetch(encodeURI(fileList[0].tempFileURL))
    expect(res.status).toBe(200)
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), bytes)).toBe(0)
  })

  it('keeps files across a restart, and voids the URLs handed out before it', async () => {
    const before = await tempUrl(fileID)
    await cloud.restart()
    const down = await result<{ fileContent: Buffer }>(sdk.downloadFile({ fileID }))
    expect(Buffer.compare(down.fileContent, bytes)).toBe(0)
    // The signing key is the local cloud's own, made anew at each start.
    const stale = await get(before.tempFileURL)
    expect(stale.res.status).toBe(403)
    expect(stale.body.includes(bytes)).toBe(false)
  })

  it('deletes, after which the file is reported missing', async () => {
    const del = await result<{ fileList: FileItem[] }>(sdk.deleteFile({ fileList: [fileID] }))
    expect(del.fileList[0]).toMatchObject({ fileID, status: 0 })
    const { fileList } = await result<{ fileList: FileItem[] }>(
      sdk.getTempFileURL({ fileList: [fileID] }),
    )
    expect(fileList[0]).toMatchObject({ status: -503003, tempFileURL: '' })
    const err = await rejection(sdk.downloadFile({ fileID }))
    expect(err.errCode).toBe(-1)
  })

  it('refuses a PUT without the token of getUploadMetadata', async () => {
    const key = Buffer.from('evil.txt').toString('base64url')
    const res = await fetch(new URL(`/__storage/${key}`, cloud.url), { method: 'PUT', body: 'x' })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('<Error>')
    // Nothing was stored: there is no file to give a URL for.
    const after = await tempUrl(fileID.replace(/^(cloud:\/\/[^/]+\/).*$/, '$1evil.txt'))
    expect(after).toMatchObject({ status: -503003, tempFileURL: '' })
  })

  it('refuses a cloudPath that climbs out of the storage folder', async () => {
    const err = await rejection(
      sdk.uploadFile({ cloudPath: '../../outside.txt', fileContent: Buffer.from('x') }),
    )
    expect(err.errCode).toBe(-1)
  })
})

describe('temporary URLs: signed, expiring, as getTempFileURL gives them in WeChat', () => {
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))
  const other = Buffer.from('另一个项目的附件')
  let fileID: string
  let otherID: string

  beforeAll(async () => {
    const up = (cloudPath: string, fileContent: Buffer) =>
      result<{ fileID: string }>(sdk.uploadFile({ cloudPath, fileContent }))
    fileID = (await up('training/p-1/课程 视频.mp4', bytes)).fileID
    otherID = (await up('disclosure/p-2/2026-05/k1.pdf', other)).fileID
  })
  afterEach(() => cloud.setClock(0))

  /** Refused (403 or 404), and nothing of the file's bytes in the answer. */
  async function expectRefused(url: string) {
    const { res, body } = await get(url)
    expect([403, 404]).toContain(res.status)
    expect(body.includes(bytes.subarray(0, 50))).toBe(false)
    expect(body.includes(other)).toBe(false)
  }

  it('serve the file on the signed URL, which carries its expiry and signature', async () => {
    const item = await tempUrl(fileID)
    expect(item).toMatchObject({ status: 0, maxAge: DAY_S })
    const url = new URL(item.tempFileURL)
    expect(url.searchParams.get('t')).toMatch(/^\d+$/)
    expect(url.searchParams.get('sign')).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    const { res, body } = await get(item.tempFileURL)
    expect(res.status).toBe(200)
    expect(Buffer.compare(body, bytes)).toBe(0)
  })

  it('refuse the bare path, the form every URL had before (base64 of the cloud path)', async () => {
    const bare = new URL(
      `/__storage/${Buffer.from('training/p-1/课程 视频.mp4').toString('base64url')}`,
      cloud.url,
    )
    await expectRefused(bare.toString())
    const { tempFileURL } = await tempUrl(fileID)
    const u = new URL(tempFileURL)
    await expectRefused(u.origin + u.pathname)
    await expectRefused(withParam(tempFileURL, 'sign', ''))
  })

  it('refuse a URL whose signature, expiry or path was changed', async () => {
    const { tempFileURL } = await tempUrl(fileID, 600)
    const sign = new URL(tempFileURL).searchParams.get('sign')!
    const flipped = (sign[0] === 'A' ? 'B' : 'A') + sign.slice(1)
    await expectRefused(withParam(tempFileURL, 'sign', flipped))
    const t = Number(new URL(tempFileURL).searchParams.get('t'))
    await expectRefused(withParam(tempFileURL, 't', String(t + DAY_S)))
    // Another file's path with this file's expiry and signature.
    const theirs = await tempUrl(otherID, 600)
    await expectRefused(tempFileURL.replace(keyOf(tempFileURL), keyOf(theirs.tempFileURL)))
    expect((await get(tempFileURL)).res.status).toBe(200)
  })

  it('expire after maxAge on the local cloud clock', async () => {
    const item = await tempUrl(fileID, 60)
    expect(item.maxAge).toBe(60)
    await cloud.setClock(50_000)
    expect((await get(item.tempFileURL)).res.status).toBe(200)
    await cloud.setClock(61_000)
    await expectRefused(item.tempFileURL)
  })

  it('last one day by default and at most (WeChat bounds maxAge to a day)', async () => {
    const byDefault = await tempUrl(fileID)
    const tooLong = await tempUrl(fileID, 30 * DAY_S)
    expect(tooLong.maxAge).toBe(DAY_S)
    await cloud.setClock((DAY_S - 60) * 1000)
    expect((await get(byDefault.tempFileURL)).res.status).toBe(200)
    expect((await get(tooLong.tempFileURL)).res.status).toBe(200)
    await cloud.setClock((DAY_S + 60) * 1000)
    await expectRefused(byDefault.tempFileURL)
    await expectRefused(tooLong.tempFileURL)
  })

  it('answer Range requests on a signed URL (a video player seeks this way)', async () => {
    const { tempFileURL } = await tempUrl(fileID)
    const part = await get(tempFileURL, { range: 'bytes=100-199' })
    expect(part.res.status).toBe(206)
    expect(part.res.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`)
    expect(Buffer.compare(part.body, bytes.subarray(100, 200))).toBe(0)
    const tail = await get(tempFileURL, { range: 'bytes=-10' })
    expect(Buffer.compare(tail.body, bytes.subarray(-10))).toBe(0)
    const forged = withParam(tempFileURL, 'sign', 'x')
    const refused = await fetch(encodeURI(forged), { headers: { range: 'bytes=0-99' } })
    expect(refused.status).toBe(403)
  })

  it('give no URL for a file that does not exist, signed or not', async () => {
    const missing = fileID.replace(/[^/]+$/, 'none.mp4')
    expect(await tempUrl(missing)).toMatchObject({ status: -503003, tempFileURL: '' })
  })
})
