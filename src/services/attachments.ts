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
import type { AttachmentKind, ChosenFile, UploadedFile } from './attachmentsShared'

export {
  extOf,
  isCancel,
  sizeText,
  type AttachmentKind,
  type ChosenFile,
  type UploadedFile,
} from './attachmentsShared'

/** Lets the user choose up to `count` files of `kind`; [] when the user cancels. From a tap. */
export async function chooseFiles(kind: AttachmentKind, count: number): Promise<ChosenFile[]> {
  void kind
  void count
  throw new AppError('INTERNAL', '当前平台不支持上传附件')
}

/** Stores the file for the caller's notice; `onProgress(0…1)` as it goes. */
export async function uploadFile(
  projectId: string | undefined,
  file: ChosenFile,
  onProgress?: (done: number) => void,
): Promise<UploadedFile> {
  void projectId
  void file
  void onProgress
  throw new AppError('INTERNAL', '当前平台不支持上传附件')
}

/** Shows an attachment: an image in the viewer, a PDF in the document reader or a new tab. */
export async function openFile(
  attachment: { kind: AttachmentKind; name: string },
  url: string,
): Promise<void> {
  void attachment
  void url
  throw new AppError('INTERNAL', '当前平台不支持打开附件')
}
