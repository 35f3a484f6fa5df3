/**
 * 信息公开's attachments: a slot (a place in storage) handed out per file, the file received in
 * parts (H5) or uploaded straight by the phone (weapp), and the check that a notice names only
 * its publisher's own, stored, unused uploads.
 */
import { randomBytes } from 'node:crypto'
import type { Account } from '../../types/account'
import { ATTACHMENT_PART_BYTES, chinaDay, type AttachmentExt } from '../../types/disclosure'
import { AppError } from '../../types/errors'
import { _, cloud, db, first, insert, list, updateCount, type Ctx } from '../../server/kernel'

export /** An upload slot handed out by attachmentSlot, in collection `notice_uploads`. */
interface Slot {
  _id: string
  cloudPath: string
  accountId: string
  projectId: string
  name: string
  ext: AttachmentExt
  size: number
  /** Parts received so far (H5 uploads through this function). */
  received: number
  /**
   * The file a notice may name, once kept under KEPT_ROOT (where only functions write): the H5
   * parts joined, or a copy of what the weapp page uploaded itself to `cloudPath`.
   */
  fileID: string | null
  /** fileIDs of the parts stored so far, in order (H5, until the last part joins them). */
  partIds?: string[]
  /** The notice it was attached to: a slot serves one notice. */
  noticeId: string | null
  createdAt: number
}

const slots = () => db.collection('notice_uploads')

/**
 * Attachments live in two places. A slot's `cloudPath` (`disclosure/…`) is where a phone uploads
 * by itself, and the storage rules (docs/storage-rules.json) let it write its own file there again.
 * Under KEPT_ROOT only functions write, each file once at a new path: what a notice names there
 * stays what was published, whatever the phone writes later.
 */
const KEPT_ROOT = 'kept/disclosure'

/** A new path under KEPT_ROOT for the slot's file: a path of its own for every copy. */
const keptPath = (slot: Slot) =>
  `${KEPT_ROOT}/${slot.projectId}/${chinaDay(slot.createdAt).slice(0, 7)}/${randomBytes(12).toString('hex')}.${slot.ext}`

/** The cloud path inside a fileID (cloud://<env>.<bucket>/<path>). */
function pathOf(fileID: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
  return m ? m[1] : null
}

export async function urlsOf(fileIDs: string[]): Promise<Record<string, string>> {
  if (fileIDs.length === 0) return {}
  const res = (await cloud.getTempFileURL({ fileList: fileIDs })) as {
    fileList: { fileID: string; tempFileURL: string; code?: string; status?: number }[]
  }
  return Object.fromEntries(
    res.fileList.filter((f) => f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]),
  )
}

const MAGIC: Record<AttachmentExt, (b: Buffer) => boolean> = {
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8,
  png: (b) => b.subarray(0, 4).toString('hex') === '89504e47',
  pdf: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
}
const KIND_TEXT: Record<AttachmentExt, string> = {
  jpg: 'JPG 图片',
  png: 'PNG 图片',
  pdf: 'PDF 文件',
}
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/

/** A new slot for a file the caller is about to upload; resolves to its cloud path. */
export async function newSlot(
  ctx: Ctx<Account, string>,
  { name, ext, size }: { name: string; ext: AttachmentExt; size: number },
): Promise<string> {
  const key = randomBytes(12).toString('hex')
  const month = chinaDay(ctx.now).slice(0, 7)
  const cloudPath = `disclosure/${ctx.projectId}/${month}/${key}.${ext}`
  const slot: Slot = {
    _id: key,
    cloudPath,
    accountId: ctx.caller._id,
    projectId: ctx.projectId,
    name,
    ext,
    size,
    received: 0,
    fileID: null,
    noticeId: null,
    createdAt: ctx.now,
  }
  await insert(slots(), slot)
  return cloudPath
}

/**
 * Receives one part of a slot's file (H5): parts come in order, a part sent again is answered as
 * received, and the last one joins them and stores the whole file.
 */
export async function receivePart(
  ctx: Ctx<Account, string>,
  {
    cloudPath,
    part,
    parts,
    dataBase64,
  }: { cloudPath: string; part: number; parts: number; dataBase64: string },
): Promise<{ received: number; fileID: string | null; url: string | null }> {
  const slot = await openSlot(ctx, cloudPath)
  const expected = Math.ceil(slot.size / ATTACHMENT_PART_BYTES)
  if (parts !== expected) {
    throw new AppError('BAD_INPUT', '分片数与文件大小不符', { parts: '分片数与文件大小不符' })
  }
  if (part >= parts) throw new AppError('BAD_INPUT', '分片编号无效', { part: '分片编号无效' })
  // A part sent again (a retry after a lost reply) is already here.
  if (part < slot.received || slot.fileID) {
    return { received: slot.received, fileID: slot.fileID, url: null }
  }
  if (part > slot.received) {
    throw new AppError('BAD_INPUT', '分片顺序错误，请重新上传', { part: '分片顺序错误' })
  }
  if (!BASE64_RE.test(dataBase64)) {
    throw new AppError('BAD_INPUT', '文件内容无效', { dataBase64: '文件内容无效' })
  }
  const bytes = Buffer.from(dataBase64, 'base64')
  const want =
    part < parts - 1 ? ATTACHMENT_PART_BYTES : slot.size - ATTACHMENT_PART_BYTES * (parts - 1)
  if (bytes.length !== want) {
    throw new AppError('BAD_INPUT', '文件大小与所选文件不符', { dataBase64: '文件大小不符' })
  }
  if (part === 0 && !MAGIC[slot.ext](bytes)) {
    const text = `文件不是${KIND_TEXT[slot.ext]}`
    throw new AppError('BAD_INPUT', text, { dataBase64: text })
  }
  const last = part === parts - 1
  // Earlier parts wait beside the file; the last one joins them and stores the whole file.
  const whole = last
    ? Buffer.concat([
        ...(await Promise.all(
          (slot.partIds ?? []).map((id) =>
            cloud
              .downloadFile({ fileID: id })
              .then((r) => (r as { fileContent: Buffer }).fileContent),
          ),
        )),
        bytes,
      ])
    : bytes
  if (whole.length !== (last ? slot.size : want)) {
    throw new AppError('BAD_INPUT', '文件不完整，请重新上传', { dataBase64: '文件不完整' })
  }
  const { fileID: stored } = (await cloud.uploadFile({
    cloudPath: last ? keptPath(slot) : `${cloudPath}.part${part}`,
    fileContent: whole,
  })) as { fileID: string }
  const moved = await updateCount(slots().where({ _id: slot._id, received: part }), {
    received: part + 1,
    ...(last ? { fileID: stored } : { partIds: _.push(stored) }),
  })
  if (moved !== 1) throw new AppError('CONFLICT', '该文件正在另一处上传，请重新选择')
  if (last && slot.partIds?.length) {
    await Promise.resolve(cloud.deleteFile({ fileList: slot.partIds })).catch(() => undefined)
  }
  const fileID = last ? stored : null
  const url = fileID ? ((await urlsOf([fileID]))[fileID] ?? null) : null
  return { received: part + 1, fileID, url }
}

/** The caller's own slot at `cloudPath` in this project, not yet attached to a notice. */
async function openSlot(ctx: Ctx<Account, string>, cloudPath: string): Promise<Slot> {
  const slot = await first<Slot>(
    slots().where({ cloudPath, accountId: ctx.caller._id, projectId: ctx.projectId }),
  )
  if (!slot || slot.noticeId) {
    throw new AppError('BAD_INPUT', '上传位置无效，请重新选择文件', { cloudPath: '上传位置无效' })
  }
  return slot
}

/**
 * WeChat: the page uploaded the file itself to the slot's path; the function keeps a copy at a
 * path of its own (KEPT_ROOT), which is what a notice may name. The same bytes the slot announced
 * (kind and size), once: a repeated or parallel call answers the copy already kept.
 */
export async function keepUpload(
  ctx: Ctx<Account, string>,
  { cloudPath, fileID }: { cloudPath: string; fileID: string },
): Promise<{ fileID: string; url: string | null }> {
  const slot = await openSlot(ctx, cloudPath)
  const answer = async (kept: string) => ({
    fileID: kept,
    url: (await urlsOf([kept]))[kept] ?? null,
  })
  if (slot.fileID) return answer(slot.fileID)
  const refuse = (text: string) => new AppError('BAD_INPUT', text, { fileID: text })
  if (pathOf(fileID) !== cloudPath) throw refuse('附件无效，请重新上传')
  const bytes = await cloud
    .downloadFile({ fileID })
    .then((r) => (r as { fileContent: Buffer }).fileContent)
    .catch(() => null)
  if (!bytes) throw refuse('附件未上传完成，请重新上传')
  if (bytes.length !== slot.size) throw refuse('文件大小与所选文件不符')
  if (!MAGIC[slot.ext](bytes)) throw refuse(`文件不是${KIND_TEXT[slot.ext]}`)
  const { fileID: kept } = (await cloud.uploadFile({
    cloudPath: keptPath(slot),
    fileContent: bytes,
  })) as { fileID: string }
  // One copy is the slot's: a call that lost the race (or came after publish) leaves its own.
  const won = await updateCount(slots().where({ _id: slot._id, fileID: null, noticeId: null }), {
    fileID: kept,
  })
  if (won !== 1) {
    await Promise.resolve(cloud.deleteFile({ fileList: [kept] })).catch(() => undefined)
    const now = await openSlot(ctx, cloudPath)
    if (!now.fileID) throw new AppError('CONFLICT', '该文件正在另一处上传，请重新选择')
    return answer(now.fileID)
  }
  // The phone's own upload has served its purpose.
  await Promise.resolve(cloud.deleteFile({ fileList: [fileID] })).catch(() => undefined)
  return answer(kept)
}

/**
 * The slot of each attachment: the caller's own upload in this project, kept, and not yet
 * attached to a notice (BAD_INPUT naming each one that is not).
 */
export async function ownedSlots(
  ctx: Ctx<Account, string>,
  attachments: readonly { fileID: string }[],
): Promise<Slot[]> {
  const ids = attachments.map((a) => a.fileID)
  const owned = ids.length
    ? await list<Slot>(
        slots().where({
          fileID: _.in(ids),
          accountId: ctx.caller._id,
          projectId: ctx.projectId,
        }),
      )
    : []
  const stored = await urlsOf(ids)
  const bad: Record<string, string> = {}
  const slotOf = attachments.map((a, i) => {
    const slot = owned.find((s) => s.fileID === a.fileID)
    if (!slot || slot.noticeId || !stored[a.fileID]) {
      bad[`attachments.${i}.fileID`] = '附件无效，请重新上传'
    }
    return slot
  })
  if (Object.keys(bad).length) throw new AppError('BAD_INPUT', '附件无效，请重新上传', bad)
  return slotOf as Slot[]
}
