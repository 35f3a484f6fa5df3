import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { docId } from './fields'
import {
  FACILITY_KINDS,
  type BuildingOwners,
  type Facility,
  type MaintenanceFund,
  type MaintenanceUse,
  type OwnerCommittee,
  type PartyBranch,
  type Project,
  type ProjectProfile,
  type PropertyCompany,
  type ServiceContract,
  type StaffMember,
  type VoteSession,
} from './project/records'

/**
 * 项目管理 → 项目信息 (manual §11): what the platform knows of the project, tab by tab — 基础信息,
 * 从业人员, 物业公司, 业主委员会, 党支部, 业主情况, 安全检查, 电子投票, 设施设备, 物业服务合同,
 * 维修金信息. Read-only here: the platform's records arrive by import (README › Importing the
 * platform's data). Personal phones and ID numbers are masked in every answer. Money in fen.
 */
export const PROJECT_TABS = {
  basic: '基础信息',
  staff: '从业人员',
  company: '物业公司',
  committee: '业主委员会',
  party: '党支部',
  owners: '业主情况',
  safety: '安全检查',
  voting: '电子投票',
  facilities: '设施设备',
  contracts: '物业服务合同',
  fund: '维修金信息',
} as const
export type ProjectTab = keyof typeof PROJECT_TABS

export * from './project/records'

/**
 * What a profile sums from its buildings (buildings, households, the owners' counts): one rule
 * for the seed and for an import from the platform, so the totals always add up.
 */
export function ownerTotals(
  byBuilding: BuildingOwners[],
): Pick<ProjectProfile, 'buildings' | 'households' | 'owners'> {
  const sum = (k: 'households' | 'owners' | 'bound') => byBuilding.reduce((n, b) => n + b[k], 0)
  const households = sum('households')
  return {
    buildings: byBuilding.length,
    households,
    owners: { households, owners: sum('owners'), bound: sum('bound'), byBuilding },
  }
}

// ---- answers --------------------------------------------------------------------------------

export interface BasicInfo {
  project: Project
  /** Null when the platform holds nothing beyond `projects` (a newly delivered project). */
  profile: Omit<ProjectProfile, 'owners' | 'voting'> | null
}

export interface Page<T> {
  rows: T[]
  more: boolean
}

export interface OwnersInfo {
  households: number
  owners: number
  bound: number
  /** bound / owners, one decimal (%); null without owners. */
  bindingRate: number | null
  byBuilding: BuildingOwners[]
  updatedAt: number
}

export interface SafetyCheckRow {
  checkId: string
  title: string
  kind: string
  issuer: string
  startAt: number
  endAt: number
  /** 未填写 / 草稿 / 待确认 / 已退回 / 已确认. */
  status: string
  confirmed: boolean
  answered: number
  itemCount: number
  score: number | null
  totalPoints: number
}

export interface SafetySummary {
  total: number
  /** Checks of the project confirmed by its manager. */
  completed: number
  rows: SafetyCheckRow[]
}

export interface VotingSummary {
  voters: number
  households: number
  sessions: number
  /** Matters decided (通过 or 未通过) over all sessions. */
  matters: number
  passed: number
}

export interface FundInfo {
  fund: MaintenanceFund | null
}

export const PROJECT_PAGE_SIZE = 20

const page = z.number().int().min(0).max(500).default(0)
const target = z.object({ projectId: docId.optional() }).strict()
const paged = z.object({ projectId: docId.optional(), page }).strict()

export const ProjectInput = {
  basic: target,
  staff: paged,
  company: target,
  committee: target,
  party: target,
  owners: target,
  safety: target,
  voting: target,
  votes: paged,
  facilities: z
    .object({
      projectId: docId.optional(),
      kind: z.enum(FACILITY_KINDS, { message: '设备类别无效' }).optional(),
      page,
    })
    .strict(),
  contracts: target,
  fund: target,
  fundUses: paged,
}

const read = actionsFor(member('project'))

export const ProjectContract = defineContract('project', {
  basic: read(ProjectInput.basic, returns<BasicInfo>()),
  staff: read(ProjectInput.staff, returns<Page<StaffMember>>()),
  company: read(
    ProjectInput.company,
    returns<{ company: PropertyCompany | null; managedSince: string | null }>(),
  ),
  committee: read(ProjectInput.committee, returns<{ committee: OwnerCommittee | null }>()),
  party: read(ProjectInput.party, returns<{ branch: PartyBranch | null }>()),
  owners: read(ProjectInput.owners, returns<{ owners: OwnersInfo | null }>()),
  safety: read(ProjectInput.safety, returns<SafetySummary>()),
  voting: read(ProjectInput.voting, returns<{ summary: VotingSummary | null }>()),
  votes: read(ProjectInput.votes, returns<Page<VoteSession>>()),
  facilities: read(ProjectInput.facilities, returns<Page<Facility>>()),
  contracts: read(ProjectInput.contracts, returns<{ rows: ServiceContract[] }>()),
  fund: read(ProjectInput.fund, returns<FundInfo>()),
  fundUses: read(ProjectInput.fundUses, returns<Page<MaintenanceUse>>()),
})

const byProject = [index({ projectId: 1 })] as const

export const PROJECT_COLLECTIONS = {
  project_profiles: byProject,
  project_staff: [index({ projectId: 1, order: 1 })],
  property_companies: [],
  owner_committees: byProject,
  party_branches: byProject,
  vote_sessions: [index({ projectId: 1, startAt: -1 })],
  facilities: [index({ projectId: 1, code: 1 }), index({ projectId: 1, kind: 1, code: 1 })],
  service_contracts: [index({ projectId: 1, termFrom: -1 })],
  maintenance_funds: byProject,
  maintenance_uses: [index({ projectId: 1, appliedAt: -1 })],
} as const
