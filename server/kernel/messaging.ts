import * as cloud from 'wx-server-sdk'
import { now } from './clock'
import type { Account, SubscribeTemplates } from '../../types/account'
import { SUBSCRIBE_ENV, type SubscribeTemplate } from '../../types/modules'
import { insert, list } from './db'

/**
 * Outgoing messages. SMS goes through a provider adapter chosen by SMS_PROVIDER:
 *   outbox  — the local cloud: messages land in collection `outbox`, where testers read them;
 *   tencent — Tencent Cloud SMS through its official SDK (tencentcloud-sdk-nodejs-sms), set up by
 *             TENCENT_SMS_SECRET_ID / _SECRET_KEY / _REGION / _SDK_APP_ID / _SIGN_NAME /
 *             _TEMPLATE_CODE (README › Deploying). WeChat's cloudbase.sendSms cannot carry a code.
 * Subscribe messages go through cloud.openapi (the local cloud records them in the outbox too).
 */
export interface SmsProvider {
  sendCode(phone: string, code: string, ttlMinutes: number): Promise<void>
}

const outboxProvider: SmsProvider = {
  async sendCode(phone, code, ttlMinutes) {
    // Numbers the local outbox refuses, so tests and testers can try a send that fails.
    if ((process.env.SMS_OUTBOX_FAIL_PHONES ?? '').split(',').includes(phone)) {
      throw new Error(`outbox: ${phone} is listed in SMS_OUTBOX_FAIL_PHONES`)
    }
    await insert(cloud.database().collection('outbox'), {
      kind: 'sms',
      to: phone,
      template: 'verify-code',
      data: { code, ttlMinutes },
      text: `【深圳物业】您的验证码为${code}，${ttlMinutes}分钟内有效，请勿泄露。`,
      at: now(),
    })
  },
}

function env(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`SMS provider not configured: ${name} is not set`)
  return value
}

const tencentProvider: SmsProvider = {
  async sendCode(phone, code, ttlMinutes) {
    // Required lazily: only the deployed functions that send codes install this SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sms = require('tencentcloud-sdk-nodejs-sms') as {
      sms: {
        v20210111: { Client: new (cfg: unknown) => { SendSms(req: unknown): Promise<unknown> } }
      }
    }
    const client = new sms.sms.v20210111.Client({
      credential: {
        secretId: env('TENCENT_SMS_SECRET_ID'),
        secretKey: env('TENCENT_SMS_SECRET_KEY'),
      },
      region: process.env.TENCENT_SMS_REGION || 'ap-guangzhou',
    })
    const res = (await client.SendSms({
      SmsSdkAppId: env('TENCENT_SMS_SDK_APP_ID'),
      SignName: env('TENCENT_SMS_SIGN_NAME'),
      TemplateId: env('TENCENT_SMS_TEMPLATE_CODE'),
      TemplateParamSet: [code, String(ttlMinutes)],
      PhoneNumberSet: [`+86${phone}`],
    })) as { SendStatusSet?: { Code?: string; Message?: string }[] }
    const status = res.SendStatusSet?.[0]
    if (status?.Code !== 'Ok') throw new Error(`SMS not sent: ${status?.Code} ${status?.Message}`)
  },
}

export function smsProvider(): SmsProvider {
  const name = process.env.SMS_PROVIDER || 'tencent'
  if (name === 'outbox') return outboxProvider
  if (name === 'tencent') return tencentProvider
  throw new Error(`Unknown SMS_PROVIDER ${name}`)
}

/**
 * Subscribe-message templates, configured per environment (README › Deploying); unset means the
 * notice is not sent. Each module's registry entry names its templates and their variables; the
 * session hands the ids to the pages, which ask the user to subscribe.
 */
export function subscribeTemplates(): SubscribeTemplates {
  const out: SubscribeTemplates = {}
  for (const [key, name] of Object.entries(SUBSCRIBE_ENV) as [SubscribeTemplate, string][]) {
    const id = process.env[name]
    if (id) out[key] = id
  }
  return out
}

/** WeChat's errCode when the function's config.json does not list the openapi call it made. */
const OPENAPI_NO_PERMISSION = -604101

/**
 * Best effort: a user who has not subscribed (43101), or a template not configured, must not fail
 * the action that caused the notice (the to-do list carries the work either way). A refused
 * permission does not fail it either, but it is a deployment bug that silences every notice of
 * this function, so it is logged as an error, not a warning.
 */
export async function notify(
  touser: string | null,
  templateId: string | undefined,
  page: string,
  data: Record<string, string>,
): Promise<void> {
  if (!touser || !templateId) return
  try {
    await cloud.openapi.subscribeMessage.send({
      touser,
      templateId,
      page,
      miniprogramState: process.env.MINIPROGRAM_STATE || 'formal',
      data: Object.fromEntries(
        Object.entries(data).map(([k, v]) => [k, { value: v.slice(0, 20) }]),
      ),
    })
  } catch (err) {
    if ((err as { errCode?: unknown } | null)?.errCode === OPENAPI_NO_PERMISSION) {
      console.error(
        "[notify] subscribe message REFUSED by WeChat (-604101): this function's config.json " +
          'must list "subscribeMessage.send" in "permissions": {"openapi": [...]}; no notice ' +
          'reaches anyone until it does',
        (err as Error)?.message,
      )
    } else console.warn('[notify] subscribe message not sent', (err as Error)?.message)
  }
}

export interface Notice {
  /** The subscribe template (subscribeTemplates()); unset: nothing is sent. */
  templateId: string | undefined
  /** The page the notice opens, without a leading slash. */
  page: string
  data: Record<string, string>
}

/**
 * Tells the active managers of a project of something awaiting them (a request to authorize, a
 * submission to confirm or publish) — every one but the caller: a manager who submitted knows,
 * and a notice to himself would spend his one-time subscription for nothing. Best effort, as
 * notify is.
 */
export async function tellManagers(
  projectId: string,
  callerOpenid: string,
  notice: Notice,
): Promise<void> {
  const managers = await list<Pick<Account, 'openid'>>(
    cloud
      .database()
      .collection('accounts')
      .where({ role: 'manager', status: 'active', projectIds: projectId })
      .field({ openid: true }),
  )
  const others = managers.filter((m) => m.openid && m.openid !== callerOpenid)
  await Promise.all(
    others.map((m) => notify(m.openid, notice.templateId, notice.page, notice.data)),
  )
}
