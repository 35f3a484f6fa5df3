/**
 * 身份绑定 (manual §1): who am I, verification codes, and binding this WeChat to a platform
 * account — as a registered project manager (active at once) or as a handler of a project
 * (pending until a manager of that project authorizes).
 */
import { randomBytes } from 'node:crypto'
import type { Account, Session } from '../../types/account'
import { BindingContract, type ProjectSummary, type SubmitBindingInput } from '../../types/binding'
import { AppError } from '../../types/errors'
import { GRANTABLE_MODULES, MODULE_CODES, type ModuleCode } from '../../types/modules'
import {
  _,
  checkCode,
  claimKey,
  db,
  defineFunction,
  first,
  inTransaction,
  issueCode,
  keysOf,
  list,
  openidKey,
  phoneKey,
  releaseKey,
  subscribeTemplates,
  tellManagers,
  transition,
  useCode,
  type Ctx,
  type Tx,
} from '../../server/kernel'
import { openTodo } from '../todos/api'

interface Project extends ProjectSummary {
  community: string
}
interface RegistryManager {
  _id: string
  name: string
  phone: string
  projectIds: string[]
}

/** A request waits this long in the manager's to-dos before it counts as overdue. */
const AUTHORIZE_WITHIN_MS = 3 * 24 * 3600_000

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

/** The account a submit creates: a registered manager is active at once, others wait. */
function newAccount(
  ctx: Ctx,
  input: SubmitBindingInput,
  registry: RegistryManager | null,
  project: Project | null,
): Account {
  return {
    // Chosen here, so the keys, the to-do and the audit row name it in the same transaction.
    _id: randomBytes(16).toString('hex'),
    openid: ctx.openid,
    role: registry ? 'manager' : 'handler',
    status: registry ? 'active' : 'pending',
    name: input.name,
    phone: input.phone,
    projectIds: registry ? registry.projectIds : [project!._id],
    modules: registry ? [...GRANTABLE_MODULES] : [],
    category: input.category,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  }
}

async function projectFor(input: SubmitBindingInput): Promise<Project> {
  if (!input.projectId) {
    throw new AppError('BAD_INPUT', '请选择所在项目', { projectId: '请选择所在项目' })
  }
  const project = await first<Project>(db.collection('projects').where({ _id: input.projectId }))
  if (!project) throw new AppError('BAD_INPUT', '项目不存在', { projectId: '项目不存在' })
  return project
}

/** Closes a previous rejected request inside `tx`, so the new one starts clean. */
async function closeRejected(tx: Tx, ctx: Ctx, old: Account): Promise<void> {
  await transition(tx, old, 'unbind', old.version, { openid: null }, ctx.now)
  for (const key of keysOf(old)) await releaseKey(tx, key, old._id)
}

/**
 * Everything a binding writes, in one transaction: the code spent, a rejected request closed,
 * the WeChat and phone keys, the account, the manager's to-do and the audit row. A crash before
 * the commit leaves nothing (the code stays usable); after it, everything.
 */
function bind(ctx: Ctx, account: Account, codeId: string, project: Project | null) {
  return inTransaction(async (tx) => {
    await useCode(tx, codeId)
    if (ctx.caller?.status === 'rejected') await closeRejected(tx, ctx, ctx.caller)
    await claimKey(tx, openidKey(ctx.openid), account._id, ctx.now)
    await claimKey(tx, phoneKey(account.phone), account._id, ctx.now)
    await tx.collection('accounts').add({ data: { ...account } })
    if (project) {
      const todo = {
        projectId: project._id,
        kind: 'authorizeHandler',
        title: `经办人${account.name}申请绑定，待授权`,
        targetType: 'account',
        targetId: account._id,
        link: '/pages/permissions/index',
        dueAt: ctx.now + AUTHORIZE_WITHIN_MS,
      } as const
      await openTodo(tx, todo, ctx.now)
    }
    await ctx.audit(
      {
        action: account.role === 'manager' ? 'bindManager' : 'requestBinding',
        label: account.role === 'manager' ? '负责人认证' : '申请绑定',
        targetType: 'account',
        targetId: account._id,
        projectId: account.projectIds[0],
        detail: { name: account.name, role: account.role },
      },
      tx,
    )
  })
}

/** Tells the project's managers of a new request (best effort, after the commit). */
function tellOfRequest(ctx: Ctx, account: Account, project: Project): Promise<void> {
  return tellManagers(project._id, ctx.openid, {
    templateId: subscribeTemplates().authRequest,
    page: 'pages/permissions/index',
    data: { thing1: account.name, thing2: project.name, phrase3: '待授权' },
  })
}

export const main = defineFunction(BindingContract, {
  me: (ctx) => sessionOf(ctx.caller),

  async sendCode(ctx, { phone }) {
    if (ctx.caller && ctx.caller.status !== 'rejected')
      throw new AppError('ALREADY_BOUND', '该微信已绑定账号')
    return issueCode(phone, ctx.openid, 'bind', ctx.now)
  },

  async searchProjects(_ctx, { keyword }) {
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

  async submit(ctx, input) {
    if (!ctx.openid) throw new AppError('NOT_BOUND', '无法识别微信身份')
    const bound = ctx.caller && ctx.caller.status !== 'rejected' ? ctx.caller : null
    // A retry of a submit that was written but not answered (timeout, lost reply): done already.
    if (bound?.phone === input.phone) return sessionOf(bound)
    if (bound) throw new AppError('ALREADY_BOUND', '该微信已绑定账号')
    const registry = await first<RegistryManager>(
      db.collection('registry_managers').where({ name: input.name, phone: input.phone }),
    )
    const project = registry ? null : await projectFor(input)
    const codeId = await checkCode(input.phone, 'bind', input.code, ctx.now)
    const account = newAccount(ctx, input, registry, project)
    await bind(ctx, account, codeId, project)
    if (project) await tellOfRequest(ctx, account, project)
    return sessionOf(account)
  },
})
