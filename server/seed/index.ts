import type { Account } from '../../types/account'
import { GRANTABLE_MODULES } from '../../types/modules'
import { openidKey, phoneKey } from '../kernel/keys'
import { MODULE_KITS } from '../registry'

/**
 * Demo data for the local cloud: two projects in real Shenzhen places, the platform's manager
 * registry, the demo users' accounts, and records for every module of domain.md.
 * Pure data (no I/O): the local cloud inserts it once, on first start.
 */
type Doc = Record<string, unknown> & { _id: string }

const DAY = 86_400_000

export const PROJECTS = [
  {
    _id: 'p-yangguang',
    code: 'SZNS2019001',
    name: '阳光花园',
    district: '南山区',
    street: '粤海街道',
    community: '高新社区',
    address: '深圳市南山区粤海街道科技南十二路18号',
    servicePhone: '0755-26001234',
    managerScore: 92.5,
    company: '深圳市安居物业管理有限公司',
  },
  {
    _id: 'p-haibin',
    code: 'SZFT2020017',
    name: '海滨广场',
    district: '福田区',
    street: '沙头街道',
    community: '新沙社区',
    address: '深圳市福田区沙头街道滨河大道9003号',
    servicePhone: '0755-83004567',
    managerScore: 88,
    company: '深圳市鹏城物业服务有限公司',
  },
]

function account(
  a: Partial<Account> & Pick<Account, '_id' | 'role' | 'status' | 'name' | 'phone'>,
  now: number,
): Account {
  return {
    openid: null,
    projectIds: [],
    modules: [],
    category: 'property',
    createdAt: now - 30 * DAY,
    updatedAt: now - 30 * DAY,
    version: 1,
    ...a,
  }
}

function accounts(now: number): Account[] {
  return [
    account(
      {
        _id: 'a-zhang',
        openid: 'demo-manager',
        role: 'manager',
        status: 'active',
        name: '张建国',
        phone: '13800138001',
        projectIds: ['p-yangguang'],
        modules: [...GRANTABLE_MODULES],
      },
      now,
    ),
    account(
      {
        _id: 'a-li',
        openid: 'demo-handler',
        role: 'handler',
        status: 'active',
        name: '李晓华',
        phone: '13800138002',
        projectIds: ['p-yangguang'],
        modules: ['todos', 'safety', 'disclosure', 'parking', 'weather', 'training'],
      },
      now,
    ),
    account(
      {
        _id: 'a-wang',
        openid: 'demo-pending',
        role: 'handler',
        status: 'pending',
        name: '王芳',
        phone: '13800138003',
        projectIds: ['p-yangguang'],
        createdAt: now - DAY,
        updatedAt: now - DAY,
      },
      now,
    ),
    account(
      {
        _id: 'a-chen',
        openid: 'demo-manager2',
        role: 'manager',
        status: 'active',
        name: '陈志强',
        phone: '13900139001',
        projectIds: ['p-haibin'],
        modules: [...GRANTABLE_MODULES],
      },
      now,
    ),
    account(
      {
        _id: 'a-zhao',
        openid: null,
        role: 'handler',
        status: 'active',
        name: '赵敏',
        phone: '13900139002',
        projectIds: ['p-haibin'],
        modules: ['todos', 'funds'],
      },
      now,
    ),
  ]
}

/** The platform's filing registry: a binding with a matching name + phone becomes a manager. */
const REGISTRY_MANAGERS = [
  {
    _id: 'r-zhang',
    name: '张建国',
    phone: '13800138001',
    projectIds: ['p-yangguang'],
    title: '项目经理',
  },
  {
    _id: 'r-chen',
    name: '陈志强',
    phone: '13900139001',
    projectIds: ['p-haibin'],
    title: '项目经理',
  },
  {
    _id: 'r-liu',
    name: '刘洋',
    phone: '13700137001',
    projectIds: ['p-yangguang', 'p-haibin'],
    title: '项目负责人',
  },
]

const COMPANY_HEADS = [
  {
    _id: 'h-yang',
    name: '杨国庆',
    phone: '13600136001',
    company: '深圳市安居物业管理有限公司',
    title: '企业负责人',
    projectIds: ['p-yangguang'],
  },
  {
    _id: 'h-xu',
    name: '徐海',
    phone: '13600136002',
    company: '深圳市鹏城物业服务有限公司',
    title: '企业负责人',
    projectIds: ['p-haibin'],
  },
]

/** The uniqueness keys a bound account holds (see server/kernel/accounts.ts). */
function bindingKeys(list: Account[], now: number): Doc[] {
  return list
    .filter((a) => a.status === 'active' || a.status === 'pending' || a.status === 'rejected')
    .flatMap((a) => [
      ...(a.openid ? [{ _id: openidKey(a.openid), accountId: a._id, at: now }] : []),
      { _id: phoneKey(a.phone), accountId: a._id, at: now },
    ])
}

export function demoData(now: number): Record<string, Record<string, unknown>[]> {
  const demoAccounts = accounts(now)
  const data: Record<string, Record<string, unknown>[]> = {
    projects: PROJECTS,
    registry_managers: REGISTRY_MANAGERS,
    company_heads: COMPANY_HEADS,
    accounts: demoAccounts as unknown as Doc[],
    binding_keys: bindingKeys(demoAccounts, now),
  }
  // Each module on the kit brings its own (server/registry.ts); two may seed one collection.
  for (const kit of MODULE_KITS) {
    for (const [name, docs] of Object.entries(kit.seed?.(now).docs ?? {})) {
      data[name] = [...(data[name] ?? []), ...(docs as unknown as Doc[])]
    }
  }
  return data
}

/** Files the demo data refers to, for the local cloud's storage, by cloud path. */
export function demoFiles(now: number): Record<string, Buffer> {
  return Object.assign({}, ...MODULE_KITS.map((kit) => kit.seed?.(now).files ?? {}))
}
