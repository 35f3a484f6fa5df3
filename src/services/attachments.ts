/**
 * Attachments of a notice (信息公开; integrations.md › Photos): images and PDF files, stored in
 * cloud storage at a place the disclosure function hands out (`attachmentSlot`), so a notice can
 * name only its publisher's own uploads.
 *
 *   const files = await chooseFiles('pdf', 3)                  // inside the tap
 *   const { fileID, url } = await uploadFile(projectId, files[0], (done) => …)
 *   openFile({ kind: 'pdf', name }, url)                       // 查看
 *
 * Taro picks the platform file:
 * - attachments.weapp.ts: chooseMedia (images) or chooseMessageFile (PDF from a chat) →
 *   attachmentSlot → Taro.cloud.uploadFile; images open in previewImage, PDF through
 *   downloadFile + openDocument.
 * - attachments.h5.ts: a file input → attachmentSlot → the bytes in parts of 512 KB through
 *   disclosure.uploadAttachment (the local cloud's storage); files open in a new tab.
 * This file is what TypeScript and other platforms see; its implementation ships in neither build.
 */
import { AppError } from '../../types/errors'
import type { ChooseFiles, OpenFile, UploadFile } from './attachmentsShared'

export * from './attachmentsShared'

export const chooseFiles: ChooseFiles = async () => {
  throw new AppError('INTERNAL', '当前平台不支持上传附件')
}

export const uploadFile: UploadFile = async () => {
  throw new AppError('INTERNAL', '当前平台不支持上传附件')
}

export const openFile: OpenFile = async () => {
  throw new AppError('INTERNAL', '当前平台不支持打开附件')
}
