/**
 * H5 (the browser against the local cloud): a file input (Taro.chooseImage, blob: URLs) → a
 * canvas at most PHOTO_MAX_SIDE px, JPEG quality 0.7 → base64 → a slot from the safety function →
 * safety.uploadPhoto, which stores the bytes (see photos.ts).
 */
import Taro from '@tarojs/taro'
import { AppError } from '../../types/errors'
import { SafetyContract } from '../../types/safety'
import { call } from './api'
import { isCancel, PHOTO_MAX_SIDE, type PhotoTarget, type UploadedPhoto } from './photosShared'

export { isCancel, PHOTO_MAX_SIDE, type PhotoTarget, type UploadedPhoto } from './photosShared'

/** What uploadPhoto accepts (1 MB of bytes as base64, with room to spare). */
const MAX_BASE64 = 1_300_000

export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return []
  try {
    const res = await Taro.chooseImage({
      count,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    })
    return res.tempFilePaths
  } catch (err) {
    if (isCancel(err)) return []
    throw new AppError('INTERNAL', '无法选择照片')
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new AppError('BAD_INPUT', '无法读取该图片，请选择 JPG 或 PNG 照片'))
    img.src = src
  })
}

/** The photo as JPEG base64, its longest side at most `side` px. */
function encode(img: HTMLImageElement, side: number, quality: number): string {
  const scale = Math.min(1, side / Math.max(img.naturalWidth, img.naturalHeight, 1))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new AppError('INTERNAL', '无法处理该图片')
  // A transparent PNG would turn black in a JPEG.
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', quality).replace(/^data:image\/jpeg;base64,/, '')
}

async function shrink(path: string): Promise<string> {
  const img = await loadImage(path)
  let data = encode(img, PHOTO_MAX_SIDE, 0.7)
  // A very detailed photo may still be too large: smaller and coarser once more.
  if (data.length > MAX_BASE64) data = encode(img, 960, 0.5)
  if (data.length > MAX_BASE64) throw new AppError('BAD_INPUT', '照片过大，请重新选择')
  return data
}

export async function uploadPhoto(target: PhotoTarget, path: string): Promise<UploadedPhoto> {
  const dataBase64 = await shrink(path)
  if (path.startsWith('blob:')) URL.revokeObjectURL(path)
  const { cloudPath } = await call(SafetyContract, 'photoSlot', { ...target, ext: 'jpg' })
  const { projectId, checkId } = target
  return call(SafetyContract, 'uploadPhoto', { projectId, checkId, cloudPath, dataBase64 })
}
