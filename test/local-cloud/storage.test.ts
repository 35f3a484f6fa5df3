/**
 * Cloud storage through the real SDK: upload, temporary URL, download, delete, and what each
 * reports for a file that does not exist.
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

type FileItem = { fileID: string; status: number; tempFileURL: string; errMsg?: string }

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

  it('keeps files across a restart', async () => {
    await cloud.restart()
    const down = await result<{ fileContent: Buffer }>(sdk.downloadFile({ fileID }))
    expect(Buffer.compare(down.fileContent, bytes)).toBe(0)
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
    const after = await fetch(new URL(`/__storage/${key}`, cloud.url))
    expect(after.status).toBe(404)
  })

  it('refuses a cloudPath that climbs out of the storage folder', async () => {
    const err = await rejection(
      sdk.uploadFile({ cloudPath: '../../outside.txt', fileContent: Buffer.from('x') }),
    )
    expect(err.errCode).toBe(-1)
  })
})
