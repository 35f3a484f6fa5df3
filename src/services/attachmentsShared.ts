/** What attachments.ts and its platform files share (a platform file cannot import its own name). */
import { DisclosureContract, type AttachmentExt } from '../../types/disclosure'
import { call } from './api'

export type AttachmentKind = 'image' | 'pdf'

/** A file the user chose, not uploaded yet. */
export interface ChosenFile {
  /** A local path (weapp) or an object URL (H5) to show an image from. */
  path: string
  name: string
  size: number
  ext: AttachmentExt
  /** H5: the file itself (its bytes are read for the upload). */
  file?: Blob
}

export interface UploadedFile {
  /** The cloud-storage fileID to publish with the notice. */
  fileID: string
  /** Where to show it at once. */
  url: string
}

/** Lets the user choose up to `count` files of `kind`; [] when the user cancels. From a tap. */
export type ChooseFiles = (kind: AttachmentKind, count: number) => Promise<ChosenFile[]>

/** Stores the file for the caller's notice; `onProgress(0…1)` as it goes. */
export type UploadFile = (
  projectId: string | undefined,
  file: ChosenFile,
  onProgress?: (done: number) => void,
) => Promise<UploadedFile>

/** Shows an attachment: an image in the viewer, a PDF in the document reader or a new tab. */
export type OpenFile = (
  attachment: { kind: AttachmentKind; name: string },
  url: string,
) => Promise<void>

/** The cloud-storage path the disclosure function hands out for the file (so it knows it as the caller's). */
export async function attachmentSlot(
  projectId: string | undefined,
  file: ChosenFile,
): Promise<string> {
  const { name, ext, size } = file
  const { cloudPath } = await call(DisclosureContract, 'attachmentSlot', {
    projectId,
    name,
    ext,
    size,
  })
  return cloudPath
}

/** The extension the function takes for a file name, or null (not an image or a PDF). */
export function extOf(name: string): AttachmentExt | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name)
  const ext = m ? m[1].toLowerCase() : ''
  if (ext === 'jpg' || ext === 'jpeg') return 'jpg'
  if (ext === 'png' || ext === 'pdf') return ext
  return null
}

/** 1.2 MB, 340 KB … */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** Whether a chooser's failure is the user closing it (not an error to show). */
export function isCancel(err: unknown): boolean {
  const msg = (err as { errMsg?: unknown } | null)?.errMsg
  return typeof msg === 'string' && /cancel|abort/i.test(msg)
}
