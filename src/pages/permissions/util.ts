import Taro from '@tarojs/taro'
import { cstDateTime } from '../../../types/display'
import { MODULES, type ModuleCode } from '../../../types/modules'

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
