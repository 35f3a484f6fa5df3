import Taro from '@tarojs/taro'
import { cstDateTime } from '../../../types/display'
import { AppError, ERROR_MESSAGES } from '../../../types/errors'
import { MODULES, type ModuleCode } from '../../../types/modules'
import { toast } from '../../services/toast'

/** Records that changed underneath: the lists should be reloaded. */
const STALE = ['CONFLICT', 'NOT_FOUND', 'INVALID_STATE']

/** Shows what went wrong; true when the record changed underneath (the caller should reload). */
export function showActionError(err: unknown): boolean {
  // Whatever the function said about the version, the user is told the one thing to do.
  if (err instanceof AppError && err.code === 'CONFLICT') toast.info(ERROR_MESSAGES.CONFLICT)
  else toast.error(err)
  return err instanceof AppError && STALE.includes(err.code)
}

/** 2026-11-25 14:03, in Shenzhen time whatever the device's zone (types/display.ts). */
export const formatTime = cstDateTime

export function moduleTitles(codes: readonly string[]): string {
  return MODULES.filter((m) => codes.includes(m.code))
    .map((m) => m.title)
    .join('、')
}

export function isModuleCode(x: unknown): x is ModuleCode {
  return MODULES.some((m) => m.code === x)
}

export const CATEGORY_LABELS: Record<string, string> = {
  property: '物业服务',
  committee: '业委会人员',
}

export function callPhone(phoneNumber: string) {
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}
