/**
 * WeChat: the file is fetched from cloud storage by its fileID (no download-domain set-up) and
 * opened in WeChat's document viewer, whose menu offers 用其他应用打开 / 转发 / 保存.
 */
import Taro from '@tarojs/taro'
import { AppError } from '../../../types/errors'
import type { FilingExport } from '../../../types/query'

export async function openExport(file: FilingExport): Promise<void> {
  let filePath: string
  try {
    filePath = (await Taro.cloud.downloadFile({ fileID: file.fileID })).tempFilePath
  } catch {
    throw new AppError('NETWORK', '文件下载失败，请稍后重试')
  }
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  } catch {
    throw new AppError('INTERNAL', '无法打开表格，请在电脑端查看')
  }
}
