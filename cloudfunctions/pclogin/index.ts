/**
 * 电脑端登录 (manual §2): scan to log in. The computer (an anonymous web user) asks for a code and
 * polls; the phone (a bound, active account) reads what it approves and confirms or cancels; the
 * computer collects its session once, as a custom-login ticket. Sessions are listed and ended from
 * either side. Every step that limits (one approval, one collection, requests per computer) is a
 * conditional write that fails when the limit is reached, before any work.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { AppError } from '../../types/errors'
import {
  PC_LOGIN,
  PcLoginContract,
  type LoginCode,
  type LoginPeek,
  type PcLoginDoc,
  type PcSessionDoc,
  type PcSessionView,
  type PollAnswer,
} from '../../types/pclogin'
import {
  _,
  db,
  defineFunction,
  first,
  inTransaction,
  insert,
  list,
  sessionEnd,
  txGet,
  updateCount,
  type Ctx,
} from '../../server/kernel'
import { issueTicket } from './ticket'
import { loginImage } from './code'

const logins = () => db.collection('pc_logins')
const sessions = () => db.collection('pc_sessions')
const quota = () => db.collection('pc_login_quota')

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** `n` random letters and digits (a mini program code's scene allows no more than 32). */
function randomId(n: number): string {
  const bytes = randomBytes(n * 2)
  let out = ''
  for (let i = 0; out.length < n && i < bytes.length; i++) {
    if (bytes[i] < 248) out += ALNUM[bytes[i] % 62] // 248 = 4 × 62: no bias
  }
  return out.length === n ? out : randomId(n)
}

const sha256 = (s: string) => createHash('sha256').update(s).digest()

function sameSecret(doc: PcLoginDoc, secret: string): boolean {
  const want = Buffer.from(doc.secretHash, 'hex')
  const got = sha256(secret)
  return want.length === got.length && timingSafeEqual(want, got)
}

/** Takes one of the computer's (its IP's) login requests in the current window, or RATE_LIMITED. */
async function claimRequestSlot(ip: string, at: number): Promise<void> {
  const window = Math.floor(at / PC_LOGIN.quotaWindowMs)
  const id = `ip-${ip.replace(/[^A-Za-z0-9]/g, '_') || 'unknown'}`
  for (let attempt = 0; attempt < 3; attempt++) {
    const claimed = await updateCount(
      quota().where({ _id: id, window, count: _.lt(PC_LOGIN.requestsPerWindow) }),
      { count: _.inc(1) },
    )
    if (claimed) return
    const doc = await first<{ window: number; count: number }>(quota().where({ _id: id }))
    if (!doc) {
      const inserted = await insert(quota(), { _id: id, window, count: 1 })
        .then(() => true)
        .catch(() => false) // another request created it first: claim through the update
      if (inserted) return
      continue
    }
    if (doc.window === window) break
    // A new window: start again, only from the state just read (one roll-over wins).
    const rolled = await updateCount(
      quota().where({ _id: id, window: doc.window, count: doc.count }),
      { window, count: 1 },
    )
    if (rolled) return
  }
  throw new AppError('RATE_LIMITED', '请求二维码过于频繁，请稍后再试')
}

async function loginOf(loginId: string): Promise<PcLoginDoc> {
  const doc = await first<PcLoginDoc>(logins().where({ _id: loginId }))
  if (!doc) throw new AppError('NOT_FOUND', '登录二维码无效')
  return doc
}

function expired(doc: PcLoginDoc, at: number): boolean {
  return doc.status === 'pending' && at >= doc.expiresAt
}

/** Why a request can no longer be decided on the phone, as the phone shows it. */
function undecidable(doc: PcLoginDoc, at: number): AppError {
  if (expired(doc, at))
    return new AppError('INVALID_STATE', '二维码已过期，请在电脑上刷新后重新扫码')
  if (doc.status === 'cancelled') return new AppError('INVALID_STATE', '已取消本次登录')
  return new AppError('INVALID_STATE', '该二维码已使用，请在电脑上刷新后重新扫码')
}

/**
 * Decides a pending, unexpired request (approve / cancel) with its audit row, in one transaction:
 * of two phones scanning the same code, one decides and the other is told it was decided.
 */
async function decide(
  ctx: Ctx,
  loginId: string,
  patch: Pick<PcLoginDoc, 'status' | 'accountId' | 'sessionId'>,
): Promise<PcLoginDoc> {
  return inTransaction(async (tx) => {
    const doc = await txGet<PcLoginDoc>(tx, 'pc_logins', loginId)
    if (!doc) throw new AppError('NOT_FOUND', '登录二维码无效')
    if (doc.status !== 'pending' || expired(doc, ctx.now)) throw undecidable(doc, ctx.now)
    await tx
      .collection('pc_logins')
      .doc(loginId)
      .update({ data: { ...patch, decidedAt: ctx.now } })
    await ctx.audit(
      {
        action: patch.status === 'approved' ? 'approve' : 'cancel',
        // An approval is the start of a session's trail; a refusal only of the request's.
        targetType: patch.sessionId ? 'pcSession' : 'pcLogin',
        targetId: patch.sessionId ?? loginId,
        projectId: ctx.caller?.projectIds[0],
        detail: { ip: doc.ip },
      },
      tx,
    )
    return doc
  })
}

/** The computer collects its session: the request is used and the session opened, together. */
async function collect(ctx: Ctx, doc: PcLoginDoc): Promise<PollAnswer> {
  const session = await inTransaction(async (tx) => {
    const fresh = await txGet<PcLoginDoc>(tx, 'pc_logins', doc._id)
    if (!fresh || fresh.status !== 'approved' || !fresh.sessionId || !fresh.accountId) return null
    await tx
      .collection('pc_logins')
      .doc(doc._id)
      .update({ data: { status: 'used' } })
    const opened: PcSessionDoc = {
      _id: fresh.sessionId,
      accountId: fresh.accountId,
      ip: ctx.who.ip || fresh.ip,
      createdAt: ctx.now,
      lastSeenAt: ctx.now,
      endedAt: 0,
    }
    const { _id, ...data } = opened
    await tx.collection('pc_sessions').doc(_id).set({ data })
    return opened
  })
  if (!session) throw new AppError('INVALID_STATE', '该二维码已使用，请刷新二维码')
  const account = await first<{ name: string }>(
    db.collection('accounts').where({ _id: session.accountId }),
  )
  return {
    status: 'approved',
    ticket: await issueTicket(session._id, ctx.now),
    name: account?.name ?? '',
  }
}

/** Ends an open session (signing its computer out) with its audit row, in one transaction. */
async function endSession(ctx: Ctx, sessionId: string, by: 'self' | 'phone') {
  await inTransaction(async (tx) => {
    const doc = await txGet<PcSessionDoc>(tx, 'pc_sessions', sessionId)
    if (!doc || doc.accountId !== ctx.caller?._id) throw new AppError('NOT_FOUND', '登录记录不存在')
    if (doc.endedAt) throw new AppError('INVALID_STATE', '该电脑已退出登录')
    await tx
      .collection('pc_sessions')
      .doc(sessionId)
      .update({ data: { endedAt: ctx.now, endedBy: by } })
    await ctx.audit(
      {
        targetType: 'pcSession',
        targetId: sessionId,
        projectId: ctx.caller?.projectIds[0],
        detail: { by, ip: doc.ip },
      },
      tx,
    )
  })
  return { ended: true as const }
}

export const main = defineFunction(PcLoginContract, {
  async request(ctx): Promise<LoginCode> {
    await claimRequestSlot(ctx.who.ip, ctx.now)
    const secret = randomBytes(32).toString('base64url')
    const doc: PcLoginDoc = {
      _id: randomId(24),
      secretHash: sha256(secret).toString('hex'),
      status: 'pending',
      requesterUid: ctx.who.uid,
      ip: ctx.who.ip,
      createdAt: ctx.now,
      expiresAt: ctx.now + PC_LOGIN.requestTtlMs,
    }
    await insert(logins(), doc)
    // The code is drawn after the request exists: a failure here leaves a request nobody can
    // scan, which simply expires.
    const image = await loginImage(doc._id)
    return { loginId: doc._id, secret, expiresAt: doc.expiresAt, image }
  },

  async poll(ctx, { loginId, secret }): Promise<PollAnswer> {
    const doc = await first<PcLoginDoc>(logins().where({ _id: loginId }))
    // Without the secret, and from another web user, the request does not exist.
    if (!doc || !sameSecret(doc, secret) || doc.requesterUid !== ctx.who.uid) {
      throw new AppError('NOT_FOUND', '登录二维码无效')
    }
    if (expired(doc, ctx.now)) return { status: 'expired' }
    if (doc.status === 'pending') return { status: 'pending', expiresAt: doc.expiresAt }
    if (doc.status === 'cancelled') return { status: 'cancelled' }
    if (doc.status === 'used') throw new AppError('INVALID_STATE', '该二维码已使用，请刷新二维码')
    return collect(ctx, doc)
  },

  async peek(ctx, { loginId }): Promise<LoginPeek> {
    const doc = await loginOf(loginId)
    const status = expired(doc, ctx.now) ? 'expired' : doc.status
    return { loginId, createdAt: doc.createdAt, expiresAt: doc.expiresAt, ip: doc.ip, status }
  },

  async approve(ctx, { loginId }) {
    await decide(ctx, loginId, {
      status: 'approved',
      accountId: ctx.caller._id,
      sessionId: `pc${randomId(24)}`,
    })
    return { approved: true as const }
  },

  async cancel(ctx, { loginId }) {
    await decide(ctx, loginId, { status: 'cancelled' })
    return { cancelled: true as const }
  },

  async sessions(ctx): Promise<PcSessionView[]> {
    const rows = await list<PcSessionDoc>(
      sessions().where({ accountId: ctx.caller._id, endedAt: 0 }).orderBy('createdAt', 'desc'),
    )
    return rows
      .filter((s) => !sessionEnd(s, ctx.caller, ctx.now))
      .map((s) => ({
        _id: s._id,
        ip: s.ip,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        current: ctx.who.door === 'pc' && ctx.who.sessionId === s._id,
      }))
  },

  async endSession(ctx, { sessionId }) {
    return endSession(ctx, sessionId, ctx.who.door === 'pc' ? 'self' : 'phone')
  },

  async logout(ctx) {
    if (ctx.who.door !== 'pc') throw new AppError('INVALID_STATE', '当前不是电脑端登录')
    return endSession(ctx, ctx.who.sessionId, 'self')
  },
})
