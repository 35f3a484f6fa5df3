import { MODULES, modulePath, type ModuleCode } from '../../../types/modules'

export const HOME_PATH = '/pages/home/index'

/** A page one of the header's quick entries opens, shown when the account holds `module`. */
export interface QuickLink {
  key: string
  title: string
  module: ModuleCode
  url: string
}

/** One of the quick entries the manual names (§2) at the top right of the PC site. */
export interface QuickEntry {
  key: string
  title: string
  links: readonly QuickLink[]
}

export const QUICK_ENTRIES: readonly QuickEntry[] = [
  {
    key: 'publish',
    title: '信息公开',
    links: [
      {
        key: 'publish',
        title: '发布信息公开',
        module: 'disclosure',
        url: '/pages/disclosure/publish/index',
      },
    ],
  },
  {
    key: 'lookup',
    title: '信息公开查询',
    // §8's published notices and §9's 备案综合查询 / 企业人员培训结果 (信息综合查询's two parts).
    links: [
      {
        key: 'disclosure',
        title: '已公开信息',
        module: 'disclosure',
        url: modulePath('disclosure'),
      },
      { key: 'query', title: '备案综合查询', module: 'query', url: modulePath('query') },
      {
        key: 'training',
        title: '企业人员培训结果',
        module: 'query',
        url: `${modulePath('query')}?part=training`,
      },
    ],
  },
  {
    key: 'project',
    title: '物业服务信息查询',
    links: [{ key: 'project', title: '项目信息', module: 'project', url: modulePath('project') }],
  },
  {
    key: 'permissions',
    title: '微信决策管理',
    links: [
      {
        key: 'permissions',
        title: '权限管理',
        module: 'permissions',
        url: modulePath('permissions'),
      },
    ],
  },
]

/** The quick entries with only the links `modules` hold; an entry with none is left out. */
export function heldEntries(modules: readonly ModuleCode[]): QuickEntry[] {
  return QUICK_ENTRIES.map((e) => ({
    ...e,
    links: e.links.filter((l) => modules.includes(l.module)),
  })).filter((e) => e.links.length > 0)
}

/** The menu's modules: those `modules` hold, in the home grid's (the manual's) order. */
export function menuModules(modules: readonly ModuleCode[]) {
  return MODULES.filter((m) => modules.includes(m.code))
}

/** The module a page path belongs to (/pages/<code>/…), if any. */
export function moduleOfPath(path: string): ModuleCode | undefined {
  const code = /^\/pages\/([^/]+)\//.exec(path)?.[1]
  return MODULES.find((m) => m.code === code)?.code
}
