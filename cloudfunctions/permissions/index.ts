/**
 * 权限管理 (manual §3). Everyone active sees the company head and the project managers. A manager
 * authorizes or rejects pending handlers, grants or withdraws modules, removes handlers and reads
 * their audit trail. A handler changes its bound phone or 注销 its account; anyone bound may
 * 解除绑定 this WeChat.
 */
import type { Account } from '../../types/account'
import { AppError } from '../../types/errors'
import {
  AUDIT_PAGE_SIZE,
  PermissionsInput,
  type AuditRow,
  type Contact,
  type HandlerRow,
} from '../../types/permissions'
import { moduleTitle } from '../../types/modules'
import {
  claimKeys,
  getAccount,
  phoneKey,
  releaseKeys,
  transition,
} from '../../server/kernel/accounts'
import { _, action, db, defineFunction, list, type Ctx } from '../../server/kernel'
import { notify, subscribeTemplates } from '../../server/kernel/messaging'
import { consumeCode, issueCode } from '../../server/kernel/verification'

const MANAGER = { kind: 'member', roles: ['manager'] } as const
const HANDLER = { kind: 'member', roles: ['handler'] } as const

/** A handler of the manager's project; another project's account is "not found", not "forbidden". */
async function handlerOf(ctx: Ctx, accountId: string): Promise<Account> {
  const account = await getAccount(accountId).catch(() => null)
  if (!account || account.role !== 'handler' || !account.projectIds.includes(ctx.projectId)) {
    throw new AppError('NOT_FOUND', '经办人不存在')
  }
  return account
}

async function closeAuthTodo(ctx: Ctx, accountId: string, result: string): Promise<void> {
  await db
    .collection('todos')
    .where({ kind: 'authorizeHandler', targetId: accountId, status: 'pending' })
    .update({ data: { status: 'done', result, doneAt: ctx.now, doneBy: ctx.caller?._id ?? null } })
}

function toRow(a: Account): HandlerRow {
  const { _id, name, phone, status, modules, category, createdAt, version } = a
  return { _id, name, phone, status, modules, category, createdAt, version }
}

/** Leaving (unbind, 注销, removal) releases the WeChat and the phone for a new binding. */
async function leave(
  ctx: Ctx,
  account: Account,
  event: 'unbind' | 'deregister' | 'remove',
  expectedVersion: number,
): Promise<Account> {
  const left = await transition(account, event, expectedVersion, { openid: null }, ctx.now)
  await releaseKeys(account._id)
  if (account.status === 'pending') await closeAuthTodo(ctx, account._id, '申请已撤回')
  await ctx.audit({
    action: event === 'remove' ? 'removeHandler' : event,
    targetType: 'account',
    targetId: account._id,
    projectId: account.projectIds[0],
    detail: { name: account.name },
  })
  return left
}

export const main = defineFunction('permissions', {
  contacts: action({
    input: PermissionsInput.contacts,
    access: { kind: 'member' },
    async run(ctx): Promise<Contact[]> {
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
  }),

  listHandlers: action({
    input: PermissionsInput.listHandlers,
    access: MANAGER,
    async run(ctx, { status }): Promise<HandlerRow[]> {
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
  }),

  authorize: action({
    input: PermissionsInput.authorize,
    access: MANAGER,
    async run(ctx, { accountId, version, modules }) {
      const handler = await handlerOf(ctx, accountId)
      const done = await transition(handler, 'authorize', version, { modules }, ctx.now)
      await closeAuthTodo(ctx, accountId, '已授权')
      await ctx.audit({
        action: 'authorize',
        targetType: 'account',
        targetId: accountId,
        projectId: ctx.projectId,
        detail: { modules },
      })
      await notify(handler.openid, subscribeTemplates().authResult, 'pages/home/index', {
        thing1: handler.name,
        phrase2: '已授权',
        thing3: modules.map(moduleTitle).join('、'),
      })
      return toRow(done)
    },
  }),

  reject: action({
    input: PermissionsInput.reject,
    access: MANAGER,
    async run(ctx, { accountId, version, reason }) {
      const handler = await handlerOf(ctx, accountId)
      const done = await transition(
        handler,
        'reject',
        version,
        { rejectReason: reason, rejectedAt: ctx.now },
        ctx.now,
      )
      await closeAuthTodo(ctx, accountId, `已驳回：${reason}`)
      await ctx.audit({
        action: 'reject',
        targetType: 'account',
        targetId: accountId,
        projectId: ctx.projectId,
        comment: reason,
      })
      await notify(handler.openid, subscribeTemplates().authResult, 'pages/home/index', {
        thing1: handler.name,
        phrase2: '未通过',
        thing3: reason,
      })
      return toRow(done)
    },
  }),

  setModules: action({
    input: PermissionsInput.setModules,
    access: MANAGER,
    async run(ctx, { accountId, version, modules }) {
      const handler = await handlerOf(ctx, accountId)
      const done = await transition(handler, 'grant', version, { modules }, ctx.now)
      await ctx.audit({
        action: 'setModules',
        targetType: 'account',
        targetId: accountId,
        projectId: ctx.projectId,
        detail: { before: handler.modules, after: modules },
      })
      return toRow(done)
    },
  }),

  removeHandler: action({
    input: PermissionsInput.removeHandler,
    access: MANAGER,
    async run(ctx, { accountId, version }) {
      const handler = await handlerOf(ctx, accountId)
      return toRow(await leave(ctx, handler, 'remove', version))
    },
  }),

  auditTrail: action({
    input: PermissionsInput.auditTrail,
    access: MANAGER,
    async run(ctx, { accountId, page }): Promise<AuditRow[]> {
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
  }),

  sendPhoneCode: action({
    input: PermissionsInput.sendPhoneCode,
    access: HANDLER,
    async run(ctx, { phone }) {
      if (phone === ctx.caller?.phone) {
        throw new AppError('BAD_INPUT', '新手机号与当前手机号相同', {
          phone: '新手机号与当前手机号相同',
        })
      }
      return issueCode(phone, ctx.openid, 'changePhone', ctx.now)
    },
  }),

  changePhone: action({
    input: PermissionsInput.changePhone,
    access: HANDLER,
    idempotent: true,
    async run(ctx, { phone, code }) {
      const me = ctx.caller as Account
      if (phone === me.phone) {
        throw new AppError('BAD_INPUT', '新手机号与当前手机号相同', {
          phone: '新手机号与当前手机号相同',
        })
      }
      await consumeCode(phone, 'changePhone', code, ctx.now)
      const taken = await claimKeys(me._id, [phoneKey(phone)], ctx.now)
      try {
        await transition(me, 'changePhone', me.version, { phone }, ctx.now)
      } catch (err) {
        await releaseKeys(me._id, taken)
        throw err
      }
      await releaseKeys(me._id, [phoneKey(me.phone)])
      await ctx.audit({
        action: 'changePhone',
        targetType: 'account',
        targetId: me._id,
        projectId: me.projectIds[0],
        detail: {
          from: me.phone.replace(/(\d{3})\d{4}/, '$1****'),
          to: phone.replace(/(\d{3})\d{4}/, '$1****'),
        },
      })
      return { phone }
    },
  }),

  deregister: action({
    input: PermissionsInput.deregister,
    access: { kind: 'account', statuses: ['active', 'pending'] },
    async run(ctx) {
      const me = ctx.caller as Account
      // A manager's account mirrors the platform's registry; it can only be unbound here.
      if (me.role !== 'handler') throw new AppError('FORBIDDEN', '项目负责人账号不能在此注销')
      await leave(ctx, me, 'deregister', me.version)
      return { status: 'deregistered' as const }
    },
  }),

  unbind: action({
    input: PermissionsInput.unbind,
    access: { kind: 'account', statuses: ['active', 'pending', 'rejected'] },
    async run(ctx) {
      const me = ctx.caller as Account
      await leave(ctx, me, 'unbind', me.version)
      return { status: 'unbound' as const }
    },
  }),
})
