/**
 * The computer's door exists in the browser only (webCloud.h5.ts, the CloudBase web SDK); this
 * file is what TypeScript and the mini program see, so the SDK never reaches the weapp bundles.
 */
import { AppError } from '../../types/errors'
import type { CloudEvent } from './reply'

export async function callWeb<T>(name: string, event: CloudEvent): Promise<T> {
  void name
  void event
  throw new AppError('INTERNAL', '当前平台不支持电脑端登录')
}

export async function signInWithTicket(ticket: string): Promise<void> {
  void ticket
  throw new AppError('INTERNAL', '当前平台不支持电脑端登录')
}

export async function signOutWeb(): Promise<void> {}
