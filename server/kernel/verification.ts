import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import * as cloud from 'wx-server-sdk'
import { CODE_RULES } from '../../types/binding'
import { AppError } from '../../types/errors'
import { startOfChinaDay } from './clock'
import { first, insert, list, updateCount } from './db'
import { smsProvider } from './messaging'

/**
 * SMS verification codes: 6 digits, valid 5 minutes, stored as a salted hash, 5 wrong tries
 * invalidate the code, a new one only after 60 s, at most 10 a day per phone and per OPENID.
 */
type Purpose = 'bind' | 'changePhone'

interface CodeDoc {
  _id: string
  phone: string
  openid: string
  purpose: Purpose
  salt: string
  hash: string
  createdAt: number
  expiresAt: number
  tries: number
  used: boolean
}

function codes() {
  return cloud.database().collection('sms_codes')
}

function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex')
}

async function sentSince(
  field: 'phone' | 'openid',
  value: string,
  since: number,
): Promise<CodeDoc[]> {
  const _ = cloud.database().command
  return list<CodeDoc>(
    codes()
      .where({ [field]: value, createdAt: _.gte(since) })
      .orderBy('createdAt', 'desc')
      .limit(CODE_RULES.dailyPerPhone + 1),
  )
}

export async function issueCode(
  phone: string,
  openid: string,
  purpose: Purpose,
  at: number,
): Promise<{ resendAfter: number }> {
  const dayStart = startOfChinaDay(at)
  const byPhone = await sentSince('phone', phone, dayStart)
  const last = byPhone[0]
  if (last && at - last.createdAt < CODE_RULES.resendMs) {
    const wait = Math.ceil((CODE_RULES.resendMs - (at - last.createdAt)) / 1000)
    throw new AppError('RATE_LIMITED', `请${wait}秒后再获取验证码`)
  }
  if (byPhone.length >= CODE_RULES.dailyPerPhone) {
    throw new AppError('RATE_LIMITED', '该手机号今日获取验证码次数已达上限')
  }
  const byOpenid = openid ? await sentSince('openid', openid, dayStart) : []
  if (byOpenid.length >= CODE_RULES.dailyPerOpenid) {
    throw new AppError('RATE_LIMITED', '今日获取验证码次数已达上限')
  }
  const code = String(randomInt(0, 10 ** CODE_RULES.length)).padStart(CODE_RULES.length, '0')
  const salt = randomBytes(8).toString('hex')
  await insert(codes(), {
    phone,
    openid,
    purpose,
    salt,
    hash: hashCode(code, salt),
    createdAt: at,
    expiresAt: at + CODE_RULES.ttlMs,
    tries: 0,
    used: false,
  })
  try {
    await smsProvider().sendCode(phone, code, CODE_RULES.ttlMs / 60_000)
  } catch (err) {
    console.error('[sms] send failed', (err as Error).message)
    throw new AppError('SEND_FAILED')
  }
  return { resendAfter: CODE_RULES.resendMs / 1000 }
}

/**
 * Checks the newest code for this phone and purpose and consumes it. Tries are counted with a
 * conditional update, so parallel guesses cannot exceed the limit.
 */
export async function consumeCode(
  phone: string,
  purpose: Purpose,
  code: string,
  at: number,
): Promise<void> {
  const _ = cloud.database().command
  const doc = await first<CodeDoc>(codes().where({ phone, purpose }).orderBy('createdAt', 'desc'))
  if (!doc || doc.used)
    throw new AppError('CODE_INVALID', '请先获取验证码', { code: '请先获取验证码' })
  if (at > doc.expiresAt || doc.tries >= CODE_RULES.maxTries) {
    throw new AppError('CODE_EXPIRED', undefined, { code: '验证码已失效，请重新获取' })
  }
  const given = Buffer.from(hashCode(code, doc.salt), 'hex')
  const match = timingSafeEqual(given, Buffer.from(doc.hash, 'hex'))
  if (!match) {
    const counted = await updateCount(
      codes().where({ _id: doc._id, used: false, tries: _.lt(CODE_RULES.maxTries) }),
      { tries: _.inc(1) },
    )
    const left = CODE_RULES.maxTries - doc.tries - 1
    if (!counted || left <= 0) {
      throw new AppError('CODE_EXPIRED', '验证码错误次数过多，请重新获取', {
        code: '验证码已失效，请重新获取',
      })
    }
    throw new AppError('CODE_INVALID', `验证码错误，还可尝试${left}次`, { code: '验证码错误' })
  }
  // Consume once: of two parallel submits with the right code, only one gets it.
  const consumed = await updateCount(codes().where({ _id: doc._id, used: false }), { used: true })
  if (!consumed)
    throw new AppError('CODE_INVALID', '验证码已使用，请重新获取', { code: '验证码已使用' })
}
