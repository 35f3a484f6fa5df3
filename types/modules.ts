import type { Role } from './account'

/**
 * The page side of the registry of modules (the server side is server/registry.ts): one entry per
 * module of the handler manual (domain.md), in the manual's order, holding everything about it
 * that is not code. Pages and functions read it; it imports no contract and no seed, so the app
 * bundles that list modules (home, the gate) stay light.
 * - `pages`: the subpackage src/pages/<code>/ (relative to it; `index` is the module's entry, the
 *   page the home grid opens); its cloud function is cloudfunctions/<code>/.
 * - `preload`: WeChat downloads the subpackage as soon as 物业服务 (home) is shown, so the module
 *   opens at once on a phone — the modules a handler most often holds; together they must stay
 *   within WeChat's 2 MB preload limit (test/weapp/preload.test.js measures the build).
 * - `todos`: the kinds of to-do the module's work opens, and for whom each is: managers, or the
 *   project's handlers holding the module.
 * - `subscribe`: the subscribe-message templates its function sends, each with the environment
 *   variable that holds its id (README › Deploying); two modules sending the same notice share it.
 * Its audit labels are its contract's (types/<code>.ts, each action's `audit`).
 */
// prettier-ignore
export const MODULES = [
  { code: 'todos', title: '待办事项', icon: 'bell', grantable: true, preload: true, pages: ['index'] },
  { code: 'funds', title: '共有资金情况', icon: 'money', grantable: true, preload: false, pages: ['index', 'account/index'] },
  { code: 'credit', title: '信用信息', icon: 'star', grantable: true, preload: false, pages: ['index', 'subject/index'] },
  { code: 'safety', title: '安全检查', icon: 'check-circle', grantable: true, preload: true, pages: ['index', 'check/index'],
    todos: {
      fillSafetyCheck: { title: '安全检查填写', assignee: 'handler' },
      confirmSafetyCheck: { title: '安全检查确认', assignee: 'manager' },
    },
    subscribe: {
      /** A manager is told that a submission awaits confirmation. */
      reviewRequest: 'SUBSCRIBE_TPL_REVIEW_REQUEST',
      /** The submitter is told it was confirmed or returned. */
      reviewResult: 'SUBSCRIBE_TPL_REVIEW_RESULT',
    } },
  { code: 'disclosure', title: '信息公开', icon: 'file-generic', grantable: true, preload: true, pages: ['index', 'publish/index', 'detail/index'] },
  { code: 'query', title: '信息综合查询', icon: 'search', grantable: true, preload: false, pages: ['index'] },
  { code: 'evaluation', title: '业主评价情况', icon: 'analytics', grantable: true, preload: false, pages: ['index'] },
  { code: 'project', title: '项目管理', icon: 'home', grantable: true, preload: false, pages: ['index'] },
  { code: 'transfers', title: '大额资金转账', icon: 'credit-card', grantable: true, preload: false, pages: ['index', 'detail/index'] },
  { code: 'parking', title: '车位信息公开', icon: 'map-pin', grantable: true, preload: true, pages: ['index', 'form/index', 'sheet/index'],
    todos: { publishParking: { title: '车位信息发布', assignee: 'manager' } },
    subscribe: { reviewRequest: 'SUBSCRIBE_TPL_REVIEW_REQUEST', reviewResult: 'SUBSCRIBE_TPL_REVIEW_RESULT' } },
  { code: 'training', title: '观看宣传培训', icon: 'video', grantable: true, preload: true, pages: ['index', 'play/index'] },
  { code: 'weather', title: '小区气象公告栏', icon: 'lightning-bolt', grantable: true, preload: true, pages: ['index'] },
  { code: 'permissions', title: '权限管理', icon: 'user', grantable: false, preload: true, pages: ['index', 'phone/index'],
    // A handler's request is opened by 身份认证 (binding, the app's own) and decided here.
    todos: { authorizeHandler: { title: '经办人授权', assignee: 'manager' } },
    subscribe: {
      /** A manager is told of a new handler request. */
      authRequest: 'SUBSCRIBE_TPL_AUTH_REQUEST',
      /** A handler is told the manager's decision. */
      authResult: 'SUBSCRIBE_TPL_AUTH_RESULT',
    } },
] as const satisfies readonly ModuleEntry[]

export interface TodoKindSpec {
  readonly title: string
  /** Who acts on it: the project's managers, or its handlers holding the module. */
  readonly assignee: Role
}

export interface ModuleEntry {
  readonly code: string
  readonly title: string
  readonly icon: string
  /** A manager may grant it to a handler; 权限管理 is every bound user's own. */
  readonly grantable: boolean
  readonly preload: boolean
  readonly pages: readonly string[]
  readonly todos?: Readonly<Record<string, TodoKindSpec>>
  readonly subscribe?: Readonly<Record<string, string>>
}

type Entry = (typeof MODULES)[number]
/** The keys of each entry's `K` table, as one union (distributes over the entries). */
type KeysOf<E, K extends 'todos' | 'subscribe'> = E extends { readonly [P in K]: infer T }
  ? keyof T & string
  : never

export type ModuleCode = Entry['code']
export type TodoKind = KeysOf<Entry, 'todos'>
export type SubscribeTemplate = KeysOf<Entry, 'subscribe'>

export const MODULE_CODES = MODULES.map((m) => m.code) as readonly ModuleCode[]
/** Modules a manager may grant to a handler; 权限管理 is every bound user's own. */
export const GRANTABLE_MODULES = MODULES.filter((m) => m.grantable).map(
  (m) => m.code,
) as readonly ModuleCode[]

/** Every kind of to-do, with the module whose work opens it. */
export const TODO_KINDS = Object.fromEntries(
  MODULES.flatMap((m) =>
    Object.entries('todos' in m ? m.todos : {}).map(([kind, spec]) => [
      kind,
      { ...spec, module: m.code },
    ]),
  ),
) as Record<TodoKind, TodoKindSpec & { readonly module: ModuleCode }>

/** Every subscribe template with the environment variable holding its id. */
export const SUBSCRIBE_ENV = Object.assign(
  {},
  ...MODULES.map((m) => ('subscribe' in m ? m.subscribe : {})),
) as Record<SubscribeTemplate, string>

export function moduleTitle(code: ModuleCode): string {
  return MODULES.find((m) => m.code === code)?.title ?? code
}

/** Where each module's page lives (subpackages keep the main package small). */
export function modulePath(code: ModuleCode): string {
  return `/pages/${code}/index`
}
