/**
 * 权限管理 (manual §3). Everyone active sees the company head and the project managers. A manager
 * authorizes or rejects pending handlers, grants or withdraws modules, removes handlers and reads
 * their audit trail. A handler changes its bound phone or 注销 its account; anyone bound may
 * 解除绑定 this WeChat.
 */
import {
  ACCOUNT_TRANSITIONS,
  type Account,
  type AccountEvent,
  type AccountStatus,
} from '../../types/account'
import { maskPhone } from '../../types/display'
import { AppError } from '../../types/errors'
import {
  AUDIT_PAGE_SIZE,
  PermissionsContract,
  type AuditRow,
  type Contact,
  type HandlerRow,
} from '../../types/permissions'
import { moduleTitle } from '../../types/modules'
import {
  _,
  checkCode,
  claimKey,
  db,
  defineFunction,
  getAccount,
  issueCode,
  keysOf,
  list,
  notify,
  phoneKey,
  releaseKey,
  subscribeTemplates,
  useCode,
  type AuditEntry,
  type Ctx,
  type MemberCtx,
  type Tx,
} from '../../server/kernel'
import { step } from '../todos/api'

/** A handler of the manager's project; another project's account is "not found", not "forbidden". */
async function handlerOf(ctx: MemberCtx, accountId: string): Promise<Account> {
  const account = await getAccount(accountId).catch(() => null)
  if (!account || account.role !== 'handler' || !account.projectIds.includes(ctx.projectId)) {
    throw new AppError('NOT_FOUND', '经办人不存在')
  }
  return account
}

/** A step of an account's life: the move, its to-do and its audit row together (workflow.ts). */
function accountStep(
  ctx: Ctx,
  account: Account,
  event: AccountEvent,
  version: number,
  o: {
    patch: Partial<Account>
    audit: Omit<AuditEntry, 'targetId' | 'targetType'>
    result?: string
    also?: (tx: Tx) => Promise<void>
  },
): Promise<Account> {
  return step<AccountStatus, Account>(ctx, {
    collection: 'accounts',
    machine: ACCOUNT_TRANSITIONS,
    event,
    id: account._id,
    version,
    patch: o.patch,
    result: o.result,
    audit: { targetType: 'account', ...o.audit },
    also: o.also,
  })
}

function toRow(a: Account): HandlerRow {
  const { _id, name, phone, status, modules, category, createdAt, version } = a
  return { _id, name, phone, status, modules, category, createdAt, version }
}

/** Leaving (unbind, 注销, removal) releases the WeChat and the phone for a new binding. */
function leave(
  ctx: Ctx,
  account: Account,
  event: 'unbind' | 'deregister' | 'remove',
  expectedVersion: number,
): Promise<Account> {
  return accountStep(ctx, account, event, expectedVersion, {
    patch: { openid: null },
    result: '申请已撤回',
    audit: {
      action: event === 'remove' ? 'removeHandler' : event,
      projectId: account.projectIds[0],
      detail: { name: account.name },
    },
    also: async (tx) => {
      for (const key of keysOf(account)) await releaseKey(tx, key, account._id)
    },
  })
}

export const main = defineFunction(PermissionsContract, {
  async contacts(ctx): Promise<Contact[]> {
    type Person = { _id: string; name: string; phone: string; title: string; company?: string }
    const [heads, managers] = await Promise.all([
      list<Person>(db.collection('company_heads').where({ projectIds: ctx.projectId })),
      list<Person>(db.collection('registry_managers').where({ projectIds: ctx.projectId })),
    ])
    const pick = (kind: Contact['kind']) => (p: Person) => ({
      _id: p._id,
      kind,
      name: p.name,
      phone: p.phone,
      title: p.title,
      ...(p.company ? { company: p.company } : {}),
    })
    return [...heads.map(pick('companyHead')), ...managers.map(pick('manager'))]
  },

  async listHandlers(ctx, { status }): Promise<HandlerRow[]> {
    const rows = await list<Account>(
      db
        .collection('accounts')
        .where({
          role: 'handler',
          projectIds: ctx.projectId,
          status: status ?? _.in(['pending', 'active']),
        })
        .orderBy('createdAt', 'desc')
        .limit(200),
    )
    return rows.map(toRow)
  },

  async authorize(ctx, { accountId, version, modules }) {
    const handler = await handlerOf(ctx, accountId)
    const done = await accountStep(ctx, handler, 'authorize', version, {
      patch: { modules },
      result: '已授权',
      audit: { projectId: ctx.projectId, detail: { modules } },
    })
    await notify(handler.openid, subscribeTemplates().authResult, 'pages/home/index', {
      thing1: handler.name,
      phrase2: '已授权',
      thing3: modules.map(moduleTitle).join('、'),
    })
    return toRow(done)
  },

  async reject(ctx, { accountId, version, reason }) {
    const handler = await handlerOf(ctx, accountId)
    const done = await accountStep(ctx, handler, 'reject', version, {
      patch: { rejectReason: reason, rejectedAt: ctx.now },
      result: `已驳回：${reason}`,
      audit: { projectId: ctx.projectId, comment: reason },
    })
    await notify(handler.openid, subscribeTemplates().authResult, 'pages/home/index', {
      thing1: handler.name,
      phrase2: '未通过',
      thing3: reason,
    })
    return toRow(done)
  },

  async setModules(ctx, { accountId, version, modules }) {
    const handler = await handlerOf(ctx, accountId)
    const done = await accountStep(ctx, handler, 'grant', version, {
      patch: { modules },
      audit: { projectId: ctx.projectId, detail: { before: handler.modules, after: modules } },
    })
    return toRow(done)
  },

  async removeHandler(ctx, { accountId, version }) {
    const handler = await handlerOf(ctx, accountId)
    return toRow(await leave(ctx, handler, 'remove', version))
  },

  async auditTrail(ctx, { accountId, page }): Promise<AuditRow[]> {
    const where = accountId
      ? { projectId: ctx.projectId, targetId: accountId }
      : { projectId: ctx.projectId }
    return list<AuditRow>(
      db
        .collection('audit_log')
        .where(where)
        .orderBy('at', 'desc')
        .skip(page * AUDIT_PAGE_SIZE)
        .limit(AUDIT_PAGE_SIZE)
        .field({ actorOpenid: false, fn: false }),
    )
  },

  async sendPhoneCode(ctx, { phone }) {
    if (phone === ctx.caller?.phone) {
      throw new AppError('BAD_INPUT', '新手机号与当前手机号相同', {
        phone: '新手机号与当前手机号相同',
      })
    }
    return issueCode(phone, ctx.openid, 'changePhone', ctx.now)
  },

  async changePhone(ctx, { phone, code }) {
    const me = ctx.caller
    // A retry of a change that was written but not answered: done already.
    if (phone === me.phone && ctx.retry) return { phone }
    if (phone === me.phone) {
      throw new AppError('BAD_INPUT', '新手机号与当前手机号相同', {
        phone: '新手机号与当前手机号相同',
      })
    }
    const codeId = await checkCode(phone, 'changePhone', code, ctx.now)
    // The new phone's key, the account and the old key's release land together or not at all.
    await accountStep(ctx, me, 'changePhone', me.version, {
      patch: { phone },
      audit: {
        projectId: me.projectIds[0],
        detail: { from: maskPhone(me.phone), to: maskPhone(phone) },
      },
      also: async (tx) => {
        await useCode(tx, codeId)
        await claimKey(tx, phoneKey(phone), me._id, ctx.now)
        await releaseKey(tx, phoneKey(me.phone), me._id)
      },
    })
    return { phone }
  },

  async deregister(ctx) {
    const me = ctx.caller
    // A manager's account mirrors the platform's registry; it can only be unbound here.
    if (me.role !== 'handler') throw new AppError('FORBIDDEN', '项目负责人账号不能在此注销')
    await leave(ctx, me, 'deregister', me.version)
    return { status: 'deregistered' as const }
  },

  async unbind(ctx) {
    const me = ctx.caller
    await leave(ctx, me, 'unbind', me.version)
    return { status: 'unbound' as const }
  },
})
