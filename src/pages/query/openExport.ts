/**
 * Opens an exported spreadsheet. Taro picks the platform file: openExport.weapp.ts (downloads
 * the cloud file and opens it with openDocument) or openExport.h5.ts (a browser download). This
 * file is what TypeScript sees; it ships in neither build.
 */
import { AppError } from '../../../types/errors'
import type { FilingExport } from '../../../types/query'

export async function openExport(file: FilingExport): Promise<void> {
  void file
  throw new AppError('INTERNAL', '当前平台无法打开文件')
}
