/**
 * WeChat only (imported by the .weapp files): a chosen file straight to cloud storage, at the path
 * a function handed out, so the function knows the file as the caller's own.
 */
import Taro from '@tarojs/taro'
import { AppError } from '../../types/errors'
import { initCloud } from './cloud'

/** WeChat's cloud storage refuses a file over its size cap with this code. */
const TOO_LARGE = -403001

/** What the user reads when the upload fails: the file too large, or anything else. */
export interface UploadErrors {
  tooLarge: string
  failed: string
}

/** wx.cloud.uploadFile; resolves with the fileID, throws AppError with `errors`' words. */
export async function uploadToCloud(
  cloudPath: string,
  filePath: string,
  errors: UploadErrors,
): Promise<string> {
  initCloud()
  let fileID: string
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
    fileID = res.fileID
  } catch (err) {
    const errCode = (err as { errCode?: number } | null)?.errCode
    if (errCode === TOO_LARGE) throw new AppError('BAD_INPUT', errors.tooLarge)
    throw new AppError('NETWORK', errors.failed)
  }
  if (!fileID) throw new AppError('NETWORK', errors.failed)
  return fileID
}
