import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import * as cloud from 'wx-server-sdk'
import { AppError } from '../../types/errors'
import { CODE_RULES } from '../../types/fields'
import { startOfChinaDay } from './clock'
import { first, insert, updateCount } from './db'
import { smsProvider } from './messaging'
import { txGet, type Tx } from './tx'

/**
 * SMS verification codes: 6 digits, valid 5 minutes, stored as a salted hash, 5 wrong tries
 * invalidate the code, a new one only after 60 s, at most 10 a day per phone and per OPENID.
 *
 * Every limit is claimed before the work it limits, with a conditional update the database
 * applies atomically (a read-then-write check lets a burst of parallel calls through):
 * - sending claims a slot of the phone's quota (interval + daily cap) and of the WeChat's quota
 *   (daily cap), then sends; a send that fails gives both slots back, so the user can ask again;
 * - checking claims a try (`tries < 5` → `tries + 1`) before the code is compared, so a burst of
 *   guesses gets at most five comparisons; the code is used up inside the caller's transaction,
 *   so it is spent exactly when the work it authorizes is written.
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

/** One per phone and per WeChat: how many codes were sent on `day` (CST) and when the last was. */
interface QuotaDoc {
  _id: string
  day: number
  count: number
  lastAt: number
}

interface QuotaRule {
  key: string
  cap: number
  intervalMs: number
  capMessage: string
}

const codes = () => cloud.database().collection('sms_codes')
const quotas = () => cloud.database().collection('sms_quota')

function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex')
}

function refusal(doc: QuotaDoc, rule: QuotaRule, at: number): AppError {
  const waitMs = rule.intervalMs - (at - doc.lastAt)
  if (waitMs > 0)
    return new AppError('RATE_LIMITED', `请${Math.ceil(waitMs / 1000)}秒后再获取验证码`)
  return new AppError('RATE_LIMITED', rule.capMessage)
}

/** Takes one send slot of `rule` or throws RATE_LIMITED; never more than the rule allows. */
async function claimSlot(rule: QuotaRule, at: number): Promise<void> {
  const _ = cloud.database().command
  const day = startOfChinaDay(at)
  for (let attempt = 0; attempt < 3; attempt++) {
    const claimed = await updateCount(
      quotas().where({
        _id: rule.key,
        day,
        count: _.lt(rule.cap),
        lastAt: _.lte(at - rule.intervalMs),
      }),
      { count: _.inc(1), lastAt: at },
    )
    if (claimed) return
    const doc = await first<QuotaDoc>(quotas().where({ _id: rule.key }))
    if (!doc) {
      const inserted = await insert(quotas(), { _id: rule.key, day, count: 1, lastAt: at })
        .then(() => true)
        .catch(() => false) // another call created it first: claim through the update again
      if (inserted) return
      continue
    }
    if (doc.day === day) throw refusal(doc, rule, at)
    if (at - doc.lastAt < rule.intervalMs) throw refusal(doc, rule, at)
    // A new day: start the count again, only from the state just read (one roll-over wins).
    const rolled = await updateCount(
      quotas().where({ _id: rule.key, day: doc.day, count: doc.count, lastAt: doc.lastAt }),
      { day, count: 1, lastAt: at },
    )
    if (rolled) return
  }
  throw new AppError('RATE_LIMITED')
}

/** Gives back a slot taken at `at` (the send did not happen), so the user can ask again now. */
async function releaseSlot(rule: QuotaRule, at: number): Promise<void> {
  const _ = cloud.database().command
  await updateCount(quotas().where({ _id: rule.key, day: startOfChinaDay(at), count: _.gt(0) }), {
    count: _.inc(-1),
    ...(rule.intervalMs ? { lastAt: 0 } : {}),
  }).catch((err: Error) => console.error('[sms] slot not released', rule.key, err.message))
}

function rulesFor(phone: string, openid: string): QuotaRule[] {
  return [
    {
      key: `phone-${phone}`,
      cap: CODE_RULES.dailyPerPhone,
      intervalMs: CODE_RULES.resendMs,
      capMessage: '该手机号今日获取验证码次数已达上限',
    },
    {
      key: `openid-${openid}`,
      cap: CODE_RULES.dailyPerOpenid,
      intervalMs: 0,
      capMessage: '今日获取验证码次数已达上限',
    },
  ]
}

export async function issueCode(
  phone: string,
  openid: string,
  purpose: Purpose,
  at: number,
): Promise<{ resendAfter: number }> {
  // Without a WeChat identity the per-WeChat cap could not hold.
  if (!openid) throw new AppError('NOT_BOUND', '无法识别微信身份')
  const taken: QuotaRule[] = []
  const giveBack = () => Promise.all(taken.map((rule) => releaseSlot(rule, at)))
  try {
    for (const rule of rulesFor(phone, openid)) {
      await claimSlot(rule, at)
      taken.push(rule)
    }
  } catch (err) {
    await giveBack()
    throw err
  }
  const code = String(randomInt(0, 10 ** CODE_RULES.length)).padStart(CODE_RULES.length, '0')
  const salt = randomBytes(8).toString('hex')
  const codeId = await insert(codes(), {
    phone,
    openid,
    purpose,
    salt,
    hash: hashCode(code, salt),
    createdAt: at,
    expiresAt: at + CODE_RULES.ttlMs,
    tries: 0,
    used: false,
  }).catch(async (err: unknown) => {
    await giveBack()
    throw err
  })
  try {
    await smsProvider().sendCode(phone, code, CODE_RULES.ttlMs / 60_000)
  } catch (err) {
    console.error('[sms] send failed', (err as Error).message)
    // The code never arrived: it must not shadow an earlier one, nor count against the caps.
    await Promise.resolve(codes().doc(codeId).remove()).catch(() => undefined)
    await giveBack()
    throw new AppError('SEND_FAILED')
  }
  return { resendAfter: CODE_RULES.resendMs / 1000 }
}

const spent = () =>
  new AppError('CODE_EXPIRED', '验证码已失效，请重新获取', { code: '验证码已失效，请重新获取' })

/**
 * Checks the newest code for this phone and purpose. A try is claimed before the comparison, so
 * parallel guesses cannot exceed the limit. Returns the code's id: the caller spends it with
 * `useCode` in the transaction that does the work.
 */
export async function checkCode(
  phone: string,
  purpose: Purpose,
  code: string,
  at: number,
): Promise<string> {
  const _ = cloud.database().command
  const doc = await first<CodeDoc>(codes().where({ phone, purpose }).orderBy('createdAt', 'desc'))
  if (!doc || doc.used)
    throw new AppError('CODE_INVALID', '请先获取验证码', { code: '请先获取验证码' })
  if (at > doc.expiresAt) throw spent()
  const claimed = await updateCount(
    codes().where({ _id: doc._id, used: false, tries: _.lt(CODE_RULES.maxTries) }),
    { tries: _.inc(1) },
  )
  if (!claimed) throw spent()
  const given = Buffer.from(hashCode(code, doc.salt), 'hex')
  if (timingSafeEqual(given, Buffer.from(doc.hash, 'hex'))) return doc._id
  const now = await first<CodeDoc>(codes().where({ _id: doc._id }))
  const left = CODE_RULES.maxTries - (now?.tries ?? CODE_RULES.maxTries)
  if (left <= 0) {
    throw new AppError('CODE_EXPIRED', '验证码错误，已无剩余次数，请重新获取', {
      code: '验证码错误，请重新获取',
    })
  }
  throw new AppError('CODE_INVALID', `验证码错误，还可尝试${left}次`, {
    code: `验证码错误，还可尝试${left}次`,
  })
}

/** Spends a checked code inside `tx`: of two parallel calls with the right code, one commits. */
export async function useCode(tx: Tx, codeId: string): Promise<void> {
  const doc = await txGet<CodeDoc>(tx, 'sms_codes', codeId)
  if (!doc || doc.used) {
    throw new AppError('CODE_INVALID', '验证码已使用，请重新获取', { code: '验证码已使用' })
  }
  await tx
    .collection('sms_codes')
    .doc(codeId)
    .update({ data: { used: true } })
}
