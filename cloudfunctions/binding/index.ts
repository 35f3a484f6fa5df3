/**
 * 身份绑定 (manual §1): who am I, verification codes, and binding this WeChat to a platform
 * account — as a registered project manager (active at once) or as a handler of a project
 * (pending until a manager of that project authorizes).
 */
import type { Account, Session } from '../../types/account'
import { BindingInput, type ProjectSummary, type SubmitBindingInput } from '../../types/binding'
import { AppError } from '../../types/errors'
import { GRANTABLE_MODULES, MODULE_CODES, type ModuleCode } from '../../types/modules'
import {
  claimKeys,
  openidKey,
  phoneKey,
  provisionalHolder,
  releaseKeys,
  transition,
} from '../../server/kernel/accounts'
import { _, action, db, defineFunction, first, insert, list, type Ctx } from '../../server/kernel'
import { notify, subscribeTemplates } from '../../server/kernel/messaging'
import { consumeCode, issueCode } from '../../server/kernel/verification'

interface Project extends ProjectSummary {
  community: string
}
interface RegistryManager {
  _id: string
  name: string
  phone: string
  projectIds: string[]
}

const PROJECT_FIELDS = { _id: true, code: true, name: true, district: true, street: true }

function modulesOf(account: Account): ModuleCode[] {
  if (account.status !== 'active') return []
  const held = account.role === 'manager' ? GRANTABLE_MODULES : account.modules
  // 权限管理 belongs to every active account; keep the manual's order.
  return MODULE_CODES.filter((m) => m === 'permissions' || held.includes(m))
}

async function sessionOf(account: Account | null): Promise<Session> {
  const subscribe = subscribeTemplates()
  if (!account) return { status: 'none', account: null, projects: [], modules: [], subscribe }
  const projects = await list<ProjectSummary>(
    db
      .collection('projects')
      .where({ _id: _.in(account.projectIds) })
      .field(PROJECT_FIELDS),
  )
  const { _id, role, status, name, phone, projectIds, rejectReason } = account
  return {
    status,
    account: {
      _id,
      role,
      status,
      name,
      phone,
      projectIds,
      ...(rejectReason ? { rejectReason } : {}),
    },
    projects: projects.map(({ _id, code, name }) => ({ _id, code, name })),
    modules: modulesOf(account),
    subscribe,
  }
}

async function bindAsManager(
  ctx: Ctx,
  input: SubmitBindingInput,
  registry: RegistryManager,
): Promise<Account> {
  const account: Omit<Account, '_id'> = {
    openid: ctx.openid,
    role: 'manager',
    status: 'active',
    name: input.name,
    phone: input.phone,
    projectIds: registry.projectIds,
    modules: [...GRANTABLE_MODULES],
    category: input.category,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  }
  return { ...account, _id: await insert(db.collection('accounts'), account) }
}

async function requestAsHandler(ctx: Ctx, input: SubmitBindingInput): Promise<Account> {
  if (!input.projectId) {
    throw new AppError('BAD_INPUT', '请选择所在项目', { projectId: '请选择所在项目' })
  }
  const project = await first<Project>(db.collection('projects').where({ _id: input.projectId }))
  if (!project) throw new AppError('BAD_INPUT', '项目不存在', { projectId: '项目不存在' })
  const account: Omit<Account, '_id'> = {
    openid: ctx.openid,
    role: 'handler',
    status: 'pending',
    name: input.name,
    phone: input.phone,
    projectIds: [project._id],
    modules: [],
    category: input.category,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  }
  const created = { ...account, _id: await insert(db.collection('accounts'), account) }
  await insert(db.collection('todos'), {
    projectId: project._id,
    kind: 'authorizeHandler',
    title: `经办人${input.name}申请绑定，待授权`,
    targetId: created._id,
    status: 'pending',
    assigneeRole: 'manager',
    createdAt: ctx.now,
  })
  const managers = await list<Account>(
    db.collection('accounts').where({ role: 'manager', status: 'active', projectIds: project._id }),
  )
  await Promise.all(
    managers.map((m) =>
      notify(m.openid, subscribeTemplates().authRequest, 'pages/permissions/index', {
        thing1: input.name,
        thing2: project.name,
        phrase3: '待授权',
      }),
    ),
  )
  return created
}

/** Closes a previous rejected request, so the new request starts clean. */
async function closeRejected(ctx: Ctx): Promise<void> {
  const old = ctx.caller
  if (!old) return
  if (old.status !== 'rejected') throw new AppError('ALREADY_BOUND', '该微信已绑定账号')
  await transition(old, 'unbind', old.version, { openid: null }, ctx.now)
  await releaseKeys(old._id)
}

export const main = defineFunction('binding', {
  me: action({
    input: BindingInput.me,
    access: { kind: 'public' },
    run: (ctx) => sessionOf(ctx.caller),
  }),

  sendCode: action({
    input: BindingInput.sendCode,
    access: { kind: 'public' },
    async run(ctx, { phone }) {
      if (ctx.caller && ctx.caller.status !== 'rejected')
        throw new AppError('ALREADY_BOUND', '该微信已绑定账号')
      return issueCode(phone, ctx.openid, 'bind', ctx.now)
    },
  }),

  searchProjects: action({
    input: BindingInput.searchProjects,
    access: { kind: 'public' },
    async run(_ctx, { keyword }) {
      const pattern = db.RegExp({
        regexp: keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        options: 'i',
      })
      return list<ProjectSummary>(
        db
          .collection('projects')
          .where(_.or([{ name: pattern }, { code: pattern }]))
          .field(PROJECT_FIELDS)
          .orderBy('code', 'asc')
          .limit(20),
      )
    },
  }),

  submit: action({
    input: BindingInput.submit,
    access: { kind: 'public' },
    idempotent: true,
    async run(ctx, input) {
      if (!ctx.openid) throw new AppError('NOT_BOUND', '无法识别微信身份')
      if (ctx.caller && ctx.caller.status !== 'rejected')
        throw new AppError('ALREADY_BOUND', '该微信已绑定账号')
      const registry = await first<RegistryManager>(
        db.collection('registry_managers').where({ name: input.name, phone: input.phone }),
      )
      if (!registry && !input.projectId) {
        throw new AppError('BAD_INPUT', '请选择所在项目', { projectId: '请选择所在项目' })
      }
      await consumeCode(input.phone, 'bind', input.code, ctx.now)
      await closeRejected(ctx)
      // Claim the WeChat and the phone before the account exists: the database decides races,
      // and each attempt claims under its own name, so two attempts at once cannot both win.
      const pendingId = provisionalHolder()
      await claimKeys(pendingId, [openidKey(ctx.openid), phoneKey(input.phone)], ctx.now)
      let account: Account
      try {
        account = registry
          ? await bindAsManager(ctx, input, registry)
          : await requestAsHandler(ctx, input)
      } catch (err) {
        await releaseKeys(pendingId)
        throw err
      }
      await db
        .collection('binding_keys')
        .where({ accountId: pendingId })
        .update({ data: { accountId: account._id } })
      await ctx.audit({
        action: registry ? 'bindManager' : 'requestBinding',
        targetType: 'account',
        targetId: account._id,
        projectId: account.projectIds[0],
        detail: { name: account.name, role: account.role },
      })
      return sessionOf(account)
    },
  }),
})
