/**
 * 项目管理 → 项目信息 through the real project function: every tab of 阳光花园 with the figures that
 * make it (counts that add up, a binding rate, a maintenance-fund balance to the cent), long lists
 * paged by 20, phones and ID numbers masked in the answer, 翠湖雅苑's tabs empty, and the project
 * chosen by a manager of two — never another project.
 */
import {
  ProjectContract,
  type Facility,
  type MaintenanceUse,
  type OwnerCommittee,
  type ProjectProfile,
  type SafetyCheckRow,
  type StaffMember,
  type VoteSession,
} from '../../types/project'
import type { SafetySubmission } from '../../types/safety'
import type { ActionName, InputOf } from '../../types/contract'
import { expectError, expectOk, caller } from './helpers'
import { makeEnv } from './samples/kit'
import { allPages, bindRegistered } from './registered'
import { fileCloud } from './setup'

const cloud = fileCloud()
const project = caller(cloud, ProjectContract, 'demo-manager')
type Project = typeof ProjectContract
type Tab = ActionName<Project>
/** The tabs read a page at a time. */
type Paged = { [K in Tab]: 'page' extends keyof InputOf<Project, K> ? K : never }[Tab]
const pages = <T>(action: Paged, extra: Partial<InputOf<Project, Paged>> = {}, openid?: string) =>
  allPages<T>((page) => project(action, { ...extra, page }, openid))

const TABS: Tab[] = [
  'basic',
  'staff',
  'company',
  'committee',
  'party',
  'owners',
  'safety',
  'voting',
  'votes',
  'facilities',
  'contracts',
  'fund',
  'fundUses',
]

it('基础信息: the project record with the platform’s profile', async () => {
  const { project: p, profile } = expectOk(await project('basic', {}))
  expect(p).toMatchObject({
    code: 'SZNS2019001',
    name: '阳光花园',
    district: '南山区',
    street: '粤海街道',
    community: '高新社区',
    servicePhone: '0755-26001234',
    managerScore: 92.5,
  })
  expect(profile).toMatchObject({ propertyType: '住宅', buildings: 12, households: 1856 })
  expect(profile).not.toHaveProperty('owners')
})

it('从业人员: paged by 20, the manager first, phones and ID numbers masked', async () => {
  const list = await pages<StaffMember>('staff')
  expect(list.map((p) => p.length)).toEqual([20, 14])
  const staff = list.flat()
  expect(staff[0]).toMatchObject({ name: '张建国', post: '项目经理', phone: '138****8001' })
  const raw = await cloud.collection<StaffMember>('project_staff', { projectId: 'p-yangguang' })
  const text = JSON.stringify(staff)
  for (const s of raw) {
    expect(text).not.toContain(s.phone)
    expect(text).not.toContain(s.idNo)
  }
  expect(staff.every((s) => /^1\d{2}\*{4}\d{4}$/.test(s.phone))).toBe(true)
  expect(staff.every((s) => /^\d{6}\*{8}[\dX]{4}$/.test(s.idNo))).toBe(true)
})

it('物业公司, 业主委员会, 党支部: contacts masked', async () => {
  const { company, managedSince } = expectOk(await project('company', {}))
  expect(company).toMatchObject({ name: '深圳市安居物业管理有限公司', creditGrade: 'AA' })
  expect(company!.uscc).toMatch(/^[0-9A-Z]{18}$/)
  expect(company!.contactPhone).toBe('136****5678')
  expect(managedSince).toBe('2017-01-01')

  const { committee } = expectOk(await project('committee', {}))
  const [raw] = await cloud.collection<OwnerCommittee>('owner_committees', { _id: committee!._id })
  expect(committee!.filing).toMatchObject({ status: '已备案', by: '南山区粤海街道办事处' })
  expect(committee!.members.map((m: { post: string }) => m.post)).toContain('主任')
  for (const m of raw.members) expect(JSON.stringify(committee)).not.toContain(m.phone)

  const { branch } = expectOk(await project('party', {}))
  expect(branch).toMatchObject({ secretary: '郑海波', memberCount: 46, phone: '138****5409' })
  expect(expectOk(await project('party', {}, 'demo-manager2'))).toEqual({ branch: null })
})

it('业主情况: buildings add up, and the binding rate is bound / owners', async () => {
  const { owners } = expectOk(await project('owners', {}))
  const by = owners!.byBuilding as { households: number; owners: number; bound: number }[]
  expect(by).toHaveLength(12)
  for (const k of ['households', 'owners', 'bound'] as const) {
    expect(by.reduce((n, b) => n + b[k], 0)).toBe(owners![k])
  }
  expect(owners!.bindingRate).toBe(Math.round((owners!.bound * 1000) / owners!.owners) / 10)
})

it('安全检查: the project’s checks with their state, completion from confirmed ones', async () => {
  const summary = expectOk(await project('safety', {}))
  const subs = await cloud.collection<SafetySubmission>('safety_submissions', {
    projectId: 'p-yangguang',
  })
  const rows = summary.rows as SafetyCheckRow[]
  expect(summary.total).toBe(rows.length)
  expect(summary.completed).toBe(subs.filter((s) => s.status === 'confirmed').length)
  const draft = rows.find((r) => r.checkId === 'sc-2026h2')!
  expect(draft).toMatchObject({ status: '草稿', confirmed: false, totalPoints: 370 })
  expect(draft.answered).toBe(
    Object.keys(subs.find((s) => s.checkId === 'sc-2026h2')!.answers).length,
  )
  expect(rows.find((r) => r.checkId === 'sc-2026h1')).toMatchObject({ status: '已确认' })
})

it('电子投票: sessions paged newest first, the summary counting them and their matters', async () => {
  const list = await pages<VoteSession>('votes')
  const sessions = list.flat()
  expect(list[0]).toHaveLength(20)
  const starts = sessions.map((s) => s.startAt)
  expect(starts).toEqual([...starts].sort((a, b) => b - a))
  const { summary } = expectOk(await project('voting', {}))
  const matters = sessions.flatMap((s) => s.matters)
  expect(summary).toEqual({
    voters: 1712,
    households: 1690,
    sessions: sessions.length,
    matters: matters.length,
    passed: matters.filter((m) => m.result === 'passed').length,
  })
})

it('设施设备: paged in ledger order, filtered by kind', async () => {
  const all = (await pages<Facility>('facilities')).flat()
  expect(all.length).toBeGreaterThan(40)
  expect(all.map((f) => f.code)).toEqual([...all.map((f) => f.code)].sort())
  const lifts = await pages<Facility>('facilities', { kind: '电梯' })
  expect(lifts.map((p) => p.length)).toEqual([20, 4])
  expect(lifts.flat().every((f) => f.kind === '电梯' && f.location)).toBe(true)
  expectError(await project.raw({ action: 'facilities', kind: '飞机' }), 'BAD_INPUT')
})

it('物业服务合同 newest first; 维修金信息 whose balance adds up to the cent', async () => {
  const { rows } = expectOk(await project('contracts', {}))
  expect(rows.map((c: { kind: string }) => c.kind)).toEqual(['物业服务合同', '前期物业服务合同'])
  expect(rows[0].fees[0]).toEqual({ item: '住宅', fen: 280, unit: '元/平方米·月' })

  const { fund } = expectOk(await project('fund', {}))
  const uses = (await pages<MaintenanceUse>('fundUses')).flat()
  expect(uses.length).toBeGreaterThan(20)
  const paid = uses.filter((u) => u.status === 'paid').reduce((n, u) => n + u.amount, 0)
  expect(fund!.used).toBe(paid)
  expect(fund!.balance).toBe(fund!.collected + fund!.interest - fund!.used)
  expect([fund!.collected, fund!.interest, fund!.used, fund!.balance].every(Number.isInteger)).toBe(
    true,
  )
})

it('翠湖雅苑 has its project record and every other tab empty', async () => {
  const zhou = await bindRegistered(cloud, 'zhou')
  const at = { projectId: 'p-cuihu' }
  const basic = expectOk(await project('basic', { ...at }, zhou))
  expect(basic.project).toMatchObject({
    name: '翠湖雅苑',
    district: '光明区',
    community: '翠湖社区',
  })
  expect(basic.profile).toBeNull()
  const empty = {
    staff: { rows: [], more: false },
    company: { company: null, managedSince: null },
    committee: { committee: null },
    party: { branch: null },
    owners: { owners: null },
    safety: { total: 0, completed: 0, rows: [] },
    voting: { summary: null },
    votes: { rows: [], more: false },
    facilities: { rows: [], more: false },
    contracts: { rows: [] },
    fund: { fund: null },
    fundUses: { rows: [], more: false },
  }
  for (const [action, want] of Object.entries(empty)) {
    expect({ action, got: expectOk(await project(action as Tab, at, zhou)) }).toEqual({
      action,
      got: want,
    })
  }
  // Without projectId: the manager's first project.
  expect(expectOk(await project('basic', {}, zhou)).project._id).toBe('p-yangguang')
})

it('lets only members holding the module read, each only its own project', async () => {
  const env = makeEnv(cloud, 'pj')
  const holder = await env.activeHandler(['project'])
  const without = await env.activeHandler(['funds'])
  for (const action of TABS) {
    expectOk(await project(action, {}, holder.openid))
    expectError(await project(action, {}, without.openid), 'MODULE_NOT_GRANTED')
    expectError(await project(action, { projectId: 'p-haibin' }, holder.openid), 'FORBIDDEN')
    expectError(await project(action, { projectId: 'p-yangguang' }, 'demo-manager2'), 'FORBIDDEN')
  }
  const liu = await bindRegistered(cloud, 'liu')
  const hb = expectOk(await project('basic', { projectId: 'p-haibin' }, liu))
  expect(hb.project.name).toBe('海滨广场')
  const profiles = await cloud.collection<ProjectProfile>('project_profiles', { _id: 'p-haibin' })
  expect(hb.profile!.households).toBe(profiles[0].households)
  const staff = (await pages<StaffMember>('staff', { projectId: 'p-haibin' }, liu)).flat()
  expect(staff.every((s) => s.projectId === 'p-haibin')).toBe(true)
})
