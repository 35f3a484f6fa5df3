/**
 * Photos of a safety-check item (integrations.md › Photos): the user chooses them, they are
 * shrunk on the device and stored in cloud storage at a path the safety function hands out
 * (`photoSlot`), so the function knows them as the caller's own; the page saves the fileIDs with
 * the item's answer.
 *
 *   const paths = await choosePhotos(PHOTOS_MAX - answer.photos.length)   // inside the tap
 *   const { fileID, url } = await uploadPhoto({ projectId, checkId, itemId }, paths[0])
 *
 * Taro picks the platform file:
 * - photos.weapp.ts: Taro.chooseMedia (compressed) → Taro.compressImage (quality 70) → photoSlot →
 *   Taro.cloud.uploadFile → fileID.
 * - photos.h5.ts: Taro.chooseImage (a file input; blob: URLs) → a canvas at most 1280 px, JPEG 0.7
 *   → base64 → photoSlot → safety.uploadPhoto (the function stores the bytes).
 * This file is what TypeScript and other platforms see; its implementation ships in neither build.
 */
import { AppError } from '../../types/errors'
import type { PhotoTarget, UploadedPhoto } from './photosShared'

export { isCancel, PHOTO_MAX_SIDE, type PhotoTarget, type UploadedPhoto } from './photosShared'

/**
 * Lets the user take or choose up to `count` photos; resolves with their local paths, [] when
 * the user cancels. Call it from a tap (a browser opens the file chooser only then).
 */
export async function choosePhotos(count: number): Promise<string[]> {
  void count
  throw new AppError('INTERNAL', '当前平台不支持上传照片')
}

/** Shrinks the photo at `path` and stores it for the item; throws AppError when it fails. */
export async function uploadPhoto(target: PhotoTarget, path: string): Promise<UploadedPhoto> {
  void target
  void path
  throw new AppError('INTERNAL', '当前平台不支持上传照片')
}
