/**
 * WeChat: chooseMedia / chooseMessageFile → a slot from the disclosure function →
 * wx.cloud.uploadFile straight to cloud storage; previewImage / openDocument to show them
 * (see attachments.ts).
 */
import Taro from '@tarojs/taro'
import { DisclosureContract } from '../../types/disclosure'
import { AppError } from '../../types/errors'
import { call } from './api'
import {
  attachmentSlot,
  extOf,
  isCancel,
  type ChooseFiles,
  type OpenFile,
  type UploadFile,
} from './attachmentsShared'
import { uploadToCloud } from './cloudUpload'

export * from './attachmentsShared'

export const chooseFiles: ChooseFiles = async (kind, count) => {
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

export const uploadFile: UploadFile = async (projectId, file, onProgress) => {
  const cloudPath = await attachmentSlot(projectId, file)
  const uploaded = await uploadToCloud(cloudPath, file.path, {
    tooLarge: '文件过大，请重新选择',
    failed: '附件上传失败，请检查网络后重试',
  })
  // The function keeps a copy no phone can write: that copy is what the notice names.
  const { fileID } = await call(DisclosureContract, 'keepAttachment', {
    projectId,
    cloudPath,
    fileID: uploaded,
  })
  onProgress?.(1)
  return { fileID, url: file.path }
}

export const openFile: OpenFile = async (attachment, url) => {
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
