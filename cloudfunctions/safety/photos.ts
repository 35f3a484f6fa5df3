/**
 * 安全检查's photos: slots a phone uploads to, the caller's own uploads an answer may name, and
 * the kept copies only functions write (the storage rules and why: README › Deploying).
 */
import { randomBytes } from 'node:crypto'
import { AppError } from '../../types/errors'
import { submissionId, type Answer, type SafetySubmission } from '../../types/safety'
import { _, cloud, db, first, insert, list, type MemberCtx } from '../../server/kernel'

export interface Upload {
  _id: string
  cloudPath: string
  accountId: string
  submissionId: string
  itemId: string
  fileID: string | null
}

/** Where an upload belongs: the check, its item and the caller who uploads. */
export interface UploadTarget {
  checkId: string
  itemId: string
  accountId: string
}

const PHOTO_MAX_BYTES = 1024 * 1024
/**
 * Photos live in two places. A slot (`safety/…`) is where a phone uploads by itself; the storage
 * rules (docs/storage-rules.json) let a phone write there only its own files, so it can still write
 * one again. Under `kept/safety/…` only functions write, each file once at a new path: the H5
 * uploads, and on 提交 a copy of every photo still in a slot — so a submitted or confirmed
 * submission names files nobody can change.
 */
const SLOT_ROOT = 'safety/'
const KEPT_ROOT = 'kept/safety'
/** Photos copied at once on 提交 (each ≤ 1 MB). */
const COPIES_AT_ONCE = 4

/** The cloud path inside a fileID (`cloud://<env>.<bucket>/<path>`), whoever uploaded it. */
const pathOf = (fileID: string) => /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)?.[1] ?? ''

const newName = () => randomBytes(12).toString('hex')
const extOf = (path: string) => (path.endsWith('.png') ? 'png' : 'jpg')

/** Records an upload as the caller's for the item, before any file is written at its path. */
async function recordUpload(ctx: MemberCtx, where: UploadTarget, name: string, cloudPath: string) {
  await insert(db.collection('uploads'), {
    _id: name,
    cloudPath,
    accountId: where.accountId,
    submissionId: submissionId(where.checkId, ctx.projectId),
    itemId: where.itemId,
    fileID: null,
    createdAt: ctx.now,
  })
}

/** A slot (a path under SLOT_ROOT) where the caller's phone may upload a photo of the item. */
export async function newSlot(ctx: MemberCtx, where: UploadTarget, ext: string): Promise<string> {
  const name = newName()
  const cloudPath = `${SLOT_ROOT}${ctx.projectId}/${where.checkId}/${where.itemId}/${name}.${ext}`
  await recordUpload(ctx, where, name, cloudPath)
  return cloudPath
}

/** The caller's own slot of this check's submission at `cloudPath`. */
export async function ownSlot(ctx: MemberCtx, checkId: string, cloudPath: string): Promise<Upload> {
  const slot = await first<Upload>(
    db.collection('uploads').where({ cloudPath, accountId: ctx.caller._id }),
  )
  if (!slot || slot.submissionId !== submissionId(checkId, ctx.projectId)) {
    throw new AppError('BAD_INPUT', '上传位置无效', { cloudPath: '上传位置无效' })
  }
  return slot
}

/** The photo's bytes, if they are a JPG or PNG of at most PHOTO_MAX_BYTES. */
export function photoBytes(dataBase64: string): { bytes: Buffer; ext: 'png' | 'jpg' } {
  const bytes = Buffer.from(dataBase64, 'base64')
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8
  const png = bytes.subarray(0, 4).toString('hex') === '89504e47'
  if (!jpeg && !png)
    throw new AppError('BAD_INPUT', '仅支持 JPG 或 PNG 图片', {
      dataBase64: '仅支持 JPG 或 PNG 图片',
    })
  if (bytes.length > PHOTO_MAX_BYTES)
    throw new AppError('BAD_INPUT', '照片过大，请压缩后再上传', { dataBase64: '照片过大' })
  return { bytes, ext: png ? 'png' : 'jpg' }
}

export /**
 * Photos of an answer must be the caller's own uploads for this item (a slot it was given, by
 * cloud path: on weapp the page uploads itself, so the slot never learns the fileID), stored for
 * real — or already saved there.
 */
async function checkPhotos(
  ctx: MemberCtx,
  subId: string,
  itemId: string,
  photos: string[],
  saved: Answer | undefined,
): Promise<void> {
  const fresh = photos.filter((p) => !saved?.photos.includes(p))
  if (fresh.length === 0) return
  const refuse = () =>
    new AppError('BAD_INPUT', '照片无效，请重新上传', { 'answer.photos': '照片无效，请重新上传' })
  const owned = await list<Upload>(
    db
      .collection('uploads')
      .where({ cloudPath: _.in(fresh.map(pathOf)), accountId: ctx.caller._id }),
  )
  const mine = (p: string) =>
    owned.some((u) => u.submissionId === subId && u.itemId === itemId && u.cloudPath === pathOf(p))
  if (!fresh.every(mine)) throw refuse()
  const stored = (await cloud.getTempFileURL({ fileList: fresh })) as {
    fileList: { fileID: string; status: number }[]
  }
  if (!stored.fileList.every((f) => f.status === 0)) throw refuse()
}

export async function photoUrls(sub: SafetySubmission | null): Promise<Record<string, string>> {
  const ids = sub ? Object.values(sub.answers).flatMap((a) => a.photos) : []
  if (ids.length === 0) return {}
  const res = (await cloud.getTempFileURL({ fileList: ids })) as {
    fileList: { fileID: string; tempFileURL: string }[]
  }
  return Object.fromEntries(res.fileList.map((f) => [f.fileID, f.tempFileURL]))
}

export /**
 * Stores bytes at a new path under KEPT_ROOT, recorded (as the caller's upload for the item) before
 * it is written: no upload ever lands on an existing file, and a stop between the two leaves only
 * an unused record.
 */
async function keep(
  ctx: MemberCtx,
  where: UploadTarget,
  bytes: Buffer,
  ext: string,
): Promise<string> {
  const name = newName()
  const cloudPath = `${KEPT_ROOT}/${ctx.projectId}/${where.checkId}/${where.itemId}/${name}.${ext}`
  await recordUpload(ctx, where, name, cloudPath)
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: bytes })) as {
    fileID: string
  }
  await db.collection('uploads').doc(name).update({ data: { fileID } })
  return fileID
}

export /**
 * The answers with every photo still in a phone's slot replaced by a kept copy, for 提交: what is
 * submitted is then exactly what the manager sees and confirms, whatever the phone writes later.
 */
async function keptAnswers(ctx: MemberCtx, sub: SafetySubmission): Promise<Record<string, Answer>> {
  const copies = new Map<string, string>()
  const jobs = Object.entries(sub.answers).flatMap(([itemId, answer]) =>
    answer.photos
      .filter((p) => pathOf(p).startsWith(SLOT_ROOT))
      .map((p) => async () => {
        const bytes = await cloud
          .downloadFile({ fileID: p })
          .then((r) => (r as { fileContent: Buffer }).fileContent)
          .catch(() => null)
        if (!bytes) {
          const message = '照片已失效，请重新上传'
          throw new AppError('BAD_INPUT', message, { [`answers.${itemId}`]: message })
        }
        const where = { checkId: sub.checkId, itemId, accountId: ctx.caller._id }
        copies.set(p, await keep(ctx, where, bytes, extOf(pathOf(p))))
      }),
  )
  for (let i = 0; i < jobs.length; i += COPIES_AT_ONCE) {
    await Promise.all(jobs.slice(i, i + COPIES_AT_ONCE).map((job) => job()))
  }
  return Object.fromEntries(
    Object.entries(sub.answers).map(([itemId, a]) => [
      itemId,
      { ...a, photos: a.photos.map((p) => copies.get(p) ?? p) },
    ]),
  )
}
