/** What photos.ts and its platform files share (a platform file cannot import photos.ts, its own name). */
export interface PhotoTarget {
  projectId?: string
  checkId: string
  itemId: string
}

export interface UploadedPhoto {
  /** The cloud-storage fileID to save with the answer. */
  fileID: string
  /** Where to show it at once (a local file on weapp, a temporary URL on H5). */
  url: string
}

/** The longest side of an uploaded photo, in pixels (H5; weapp's compressImage decides there). */
export const PHOTO_MAX_SIDE = 1280

/** Whether a chooser's failure is the user closing it (not an error to show). */
export function isCancel(err: unknown): boolean {
  const msg = (err as { errMsg?: unknown } | null)?.errMsg
  return typeof msg === 'string' && /cancel|abort/i.test(msg)
}
