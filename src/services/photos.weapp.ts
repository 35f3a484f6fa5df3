/**
 * WeChat: chooseMedia (compressed) → compressImage (quality 70) → a slot from the safety
 * function → wx.cloud.uploadFile straight to cloud storage (see photos.ts).
 */
import Taro from '@tarojs/taro'
import { AppError } from '../../types/errors'
import { SafetyContract } from '../../types/safety'
import { call } from './api'
import { uploadToCloud } from './cloudUpload'
import { isCancel, type PhotoTarget, type UploadedPhoto } from './photosShared'

export { isCancel, PHOTO_MAX_SIDE, type PhotoTarget, type UploadedPhoto } from './photosShared'

/**
 * Taro 4.2 passes chooseMedia through to wx unpromisified (it is not in Taro's list): the
 * callbacks work on every base library, a returned promise only on recent ones.
 */
function chooseMedia(count: number): Promise<Taro.chooseMedia.SuccessCallbackResult> {
  return new Promise((resolve, reject) => {
    void Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: resolve,
      fail: reject,
    })
  })
}

export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return []
  try {
    const res = await chooseMedia(Math.min(count, 9))
    return res.tempFiles.map((f) => f.tempFilePath)
  } catch (err) {
    if (isCancel(err)) return []
    throw new AppError('INTERNAL', '无法选择照片，请检查相册和相机权限')
  }
}

async function compressed(path: string): Promise<string> {
  try {
    const res = await Taro.compressImage({ src: path, quality: 70 })
    return res.tempFilePath || path
  } catch {
    // Some formats cannot be compressed (iOS compresses JPG only): send the chosen file.
    return path
  }
}

export async function uploadPhoto(target: PhotoTarget, path: string): Promise<UploadedPhoto> {
  const file = await compressed(path)
  const ext = /\.png$/i.test(file) ? 'png' : 'jpg'
  const { cloudPath } = await call(SafetyContract, 'photoSlot', { ...target, ext })
  const fileID = await uploadToCloud(cloudPath, file, {
    tooLarge: '照片过大，请重新选择',
    failed: '照片上传失败，请检查网络后重试',
  })
  return { fileID, url: file }
}
