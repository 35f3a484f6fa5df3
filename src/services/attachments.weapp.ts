/**
 * WeChat: chooseMedia / chooseMessageFile → a slot from the disclosure function →
 * wx.cloud.uploadFile straight to cloud storage; previewImage / openDocument to show them
 * (see attachments.ts).
 */
import Taro from '@tarojs/taro'
import { DisclosureContract } from '../../types/disclosure'
import { AppError } from '../../types/errors'
import { call } from './api'
import { initCloud } from './cloud'
import {
  extOf,
  isCancel,
  type AttachmentKind,
  type ChosenFile,
  type UploadedFile,
} from './attachmentsShared'

export {
  extOf,
  isCancel,
  sizeText,
  type AttachmentKind,
  type ChosenFile,
  type UploadedFile,
} from './attachmentsShared'

/** WeChat's cloud storage refuses a file over its size cap with this code. */
const TOO_LARGE = -403001

export async function chooseFiles(kind: AttachmentKind, count: number): Promise<ChosenFile[]> {
  if (count <= 0) return []
  try {
    if (kind === 'image') {
      const res = await Taro.chooseMedia({
        count: Math.min(count, 9),
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      return res.tempFiles.map((f, i) => {
        const ext = extOf(f.tempFilePath) ?? 'jpg'
        return { path: f.tempFilePath, name: `图片${i + 1}.${ext}`, size: f.size, ext }
      })
    }
    // A PDF comes from a chat (文件传输助手 …): WeChat has no other file chooser.
    const res = await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf'] })
    return res.tempFiles
      .filter((f) => extOf(f.name) === 'pdf')
      .map((f) => ({ path: f.path, name: f.name, size: f.size, ext: 'pdf' as const }))
  } catch (err) {
    if (isCancel(err)) return []
    throw new AppError('INTERNAL', '无法选择文件，请检查相册或聊天文件权限')
  }
}

export async function uploadFile(
  projectId: string | undefined,
  file: ChosenFile,
  onProgress?: (done: number) => void,
): Promise<UploadedFile> {
  const { cloudPath } = await call(DisclosureContract, 'attachmentSlot', {
    projectId,
    name: file.name,
    ext: file.ext,
    size: file.size,
  })
  initCloud()
  let fileID: string
  try {
    const task = Taro.cloud.uploadFile({ cloudPath, filePath: file.path })
    const res = await task
    fileID = res.fileID
  } catch (err) {
    const errCode = (err as { errCode?: number } | null)?.errCode
    if (errCode === TOO_LARGE) throw new AppError('BAD_INPUT', '文件过大，请重新选择')
    throw new AppError('NETWORK', '附件上传失败，请检查网络后重试')
  }
  if (!fileID) throw new AppError('NETWORK', '附件上传失败，请检查网络后重试')
  onProgress?.(1)
  return { fileID, url: file.path }
}

export async function openFile(
  attachment: { kind: AttachmentKind; name: string },
  url: string,
): Promise<void> {
  if (attachment.kind === 'image') {
    await Taro.previewImage({ urls: [url], current: url })
    return
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url })
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true })
  } catch (err) {
    if (isCancel(err)) return
    throw new AppError('NETWORK', '文件打开失败，请稍后重试')
  }
}
