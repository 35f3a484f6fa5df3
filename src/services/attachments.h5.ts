/**
 * H5 (the browser against the local cloud): a file input → a slot from the disclosure function →
 * the bytes in parts through disclosure.uploadAttachment, which stores them; files open in a new
 * tab (see attachments.ts).
 */
import { ATTACHMENT_PART_BYTES, DisclosureContract } from '../../types/disclosure'
import { AppError } from '../../types/errors'
import { call } from './api'
import {
  attachmentSlot,
  extOf,
  type AttachmentKind,
  type ChooseFiles,
  type ChosenFile,
  type OpenFile,
  type UploadedFile,
  type UploadFile,
} from './attachmentsShared'

export * from './attachmentsShared'

const ACCEPT: Record<AttachmentKind, string> = {
  image: 'image/jpeg,image/png',
  pdf: 'application/pdf,.pdf',
}

/** Opens the browser's file chooser (only from a tap); resolves with the files, [] on cancel. */
function pick(kind: AttachmentKind, count: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = ACCEPT[kind]
    input.multiple = count > 1
    input.style.display = 'none'
    const done = (files: File[]) => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => done(Array.from(input.files ?? []).slice(0, count)))
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}

export const chooseFiles: ChooseFiles = async (kind, count) => {
  if (count <= 0) return []
  const files = await pick(kind, count)
  const out: ChosenFile[] = []
  for (const file of files) {
    const ext = extOf(file.name)
    if (!ext || (kind === 'pdf') !== (ext === 'pdf')) {
      throw new AppError('BAD_INPUT', kind === 'pdf' ? '请选择 PDF 文件' : '请选择 JPG 或 PNG 图片')
    }
    out.push({ path: URL.createObjectURL(file), name: file.name, size: file.size, ext, file })
  }
  return out
}

function base64Of(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

export const uploadFile: UploadFile = async (projectId, file, onProgress) => {
  if (!file.file) throw new AppError('BAD_INPUT', '文件无效，请重新选择')
  const cloudPath = await attachmentSlot(projectId, file)
  const bytes = new Uint8Array(await file.file.arrayBuffer())
  const parts = Math.max(1, Math.ceil(bytes.length / ATTACHMENT_PART_BYTES))
  let result: UploadedFile | null = null
  for (let part = 0; part < parts; part++) {
    const chunk = bytes.subarray(part * ATTACHMENT_PART_BYTES, (part + 1) * ATTACHMENT_PART_BYTES)
    const res = await call(DisclosureContract, 'uploadAttachment', {
      projectId,
      cloudPath,
      part,
      parts,
      dataBase64: base64Of(chunk),
    })
    onProgress?.((part + 1) / parts)
    if (res.fileID) result = { fileID: res.fileID, url: res.url ?? file.path }
  }
  if (!result) throw new AppError('NETWORK', '附件上传失败，请重试')
  return result
}

export const openFile: OpenFile = async (_attachment, url) => {
  window.open(url, '_blank', 'noopener')
}
