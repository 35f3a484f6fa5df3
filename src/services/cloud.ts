/**
 * The one way pages call cloud functions:
 *
 *   const session = await callFunction<Session>('binding', { action: 'me' })
 *
 * resolves with `data` of a `{ ok: true, data }` reply and throws `AppError` for `{ ok: false, error }`
 * (code, message, fields kept) and `AppError('NETWORK')` when the call does not get through.
 *
 * Taro picks the platform file: cloud.weapp.ts (Taro.cloud.callFunction) or cloud.h5.ts (the local
 * cloud's HTTP endpoint, the caller chosen by the dev identity). This file is what TypeScript and
 * other platforms see; its implementation never ships in either build.
 */
import { AppError } from '../../types/errors'
import type { CloudEvent } from './reply'

export type { CloudEvent } from './reply'

/** Called once at app launch (weapp: Taro.cloud.init with TARO_APP_CLOUD_ENV). */
export function initCloud(): void {}

export async function callFunction<T>(name: string, event: CloudEvent): Promise<T> {
  void name
  void event
  throw new AppError('INTERNAL', '当前平台不支持云函数调用')
}
