/**
 * The modules of the handler manual (domain.md), in the manual's order. Each is a subpackage
 * src/pages/<code>/ holding `pages` (relative to it; `index` is the module's entry, the page the
 * home grid opens) and a cloud function cloudfunctions/<code>/. One line per module (a table).
 * `preload`: WeChat downloads the subpackage as soon as 物业服务 (home) is shown, so the module opens
 * at once on a phone — the modules a handler most often holds; together they must stay within
 * WeChat's 2 MB preload limit (test/weapp/preload.test.js measures the build).
 */
// prettier-ignore
export const MODULES = [
  { code: 'todos', title: '待办事项', icon: 'bell', grantable: true, preload: true, pages: ['index'] },
  { code: 'funds', title: '共有资金情况', icon: 'money', grantable: true, preload: false, pages: ['index', 'account/index'] },
  { code: 'credit', title: '信用信息', icon: 'star', grantable: true, preload: false, pages: ['index', 'subject/index'] },
  { code: 'safety', title: '安全检查', icon: 'check-circle', grantable: true, preload: true, pages: ['index', 'check/index'] },
  { code: 'disclosure', title: '信息公开', icon: 'file-generic', grantable: true, preload: true, pages: ['index', 'publish/index', 'detail/index'] },
  { code: 'query', title: '信息综合查询', icon: 'search', grantable: true, preload: false, pages: ['index'] },
  { code: 'evaluation', title: '业主评价情况', icon: 'analytics', grantable: true, preload: false, pages: ['index'] },
  { code: 'project', title: '项目管理', icon: 'home', grantable: true, preload: false, pages: ['index'] },
  { code: 'transfers', title: '大额资金转账', icon: 'credit-card', grantable: true, preload: false, pages: ['index', 'detail/index'] },
  { code: 'parking', title: '车位信息公开', icon: 'map-pin', grantable: true, preload: true, pages: ['index', 'form/index', 'sheet/index'] },
  { code: 'training', title: '观看宣传培训', icon: 'video', grantable: true, preload: true, pages: ['index', 'play/index'] },
  { code: 'weather', title: '小区气象公告栏', icon: 'lightning-bolt', grantable: true, preload: true, pages: ['index'] },
  { code: 'permissions', title: '权限管理', icon: 'user', grantable: false, preload: true, pages: ['index', 'phone/index'] },
] as const

export type ModuleCode = (typeof MODULES)[number]['code']
export const MODULE_CODES = MODULES.map((m) => m.code) as readonly ModuleCode[]
/** Modules a manager may grant to a handler; 权限管理 is every bound user's own. */
export const GRANTABLE_MODULES = MODULES.filter((m) => m.grantable).map(
  (m) => m.code,
) as readonly ModuleCode[]

export function moduleTitle(code: ModuleCode): string {
  return MODULES.find((m) => m.code === code)?.title ?? code
}

/** Where each module's page lives (subpackages keep the main package small). */
export function modulePath(code: ModuleCode): string {
  return `/pages/${code}/index`
}
