import { z } from 'zod'
import { defineContract, returns } from './contract'
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

const READER = { kind: 'member', module: 'project' } as const

export const ProjectContract = defineContract('project', {
  basic: { input: ProjectInput.basic, access: READER, output: returns<BasicInfo>() },
  staff: { input: ProjectInput.staff, access: READER, output: returns<Page<StaffMember>>() },
  company: {
    input: ProjectInput.company,
    access: READER,
    output: returns<{ company: PropertyCompany | null; managedSince: string | null }>(),
  },
  committee: {
    input: ProjectInput.committee,
    access: READER,
    output: returns<{ committee: OwnerCommittee | null }>(),
  },
  party: {
    input: ProjectInput.party,
    access: READER,
    output: returns<{ branch: PartyBranch | null }>(),
  },
  owners: {
    input: ProjectInput.owners,
    access: READER,
    output: returns<{ owners: OwnersInfo | null }>(),
  },
  safety: { input: ProjectInput.safety, access: READER, output: returns<SafetySummary>() },
  voting: {
    input: ProjectInput.voting,
    access: READER,
    output: returns<{ summary: VotingSummary | null }>(),
  },
  votes: { input: ProjectInput.votes, access: READER, output: returns<Page<VoteSession>>() },
  facilities: {
    input: ProjectInput.facilities,
    access: READER,
    output: returns<Page<Facility>>(),
  },
  contracts: {
    input: ProjectInput.contracts,
    access: READER,
    output: returns<{ rows: ServiceContract[] }>(),
  },
  fund: { input: ProjectInput.fund, access: READER, output: returns<FundInfo>() },
  fundUses: {
    input: ProjectInput.fundUses,
    access: READER,
    output: returns<Page<MaintenanceUse>>(),
  },
})

const byProject = [{ fields: [['projectId', 1]] }] as const

export const PROJECT_COLLECTIONS = {
  project_profiles: byProject,
  project_staff: [
    {
      fields: [
        ['projectId', 1],
        ['order', 1],
      ],
    },
  ],
  property_companies: [],
  owner_committees: byProject,
  party_branches: byProject,
  vote_sessions: [
    {
      fields: [
        ['projectId', 1],
        ['startAt', -1],
      ],
    },
  ],
  facilities: [
    {
      fields: [
        ['projectId', 1],
        ['code', 1],
      ],
    },
    {
      fields: [
        ['projectId', 1],
        ['kind', 1],
        ['code', 1],
      ],
    },
  ],
  service_contracts: [
    {
      fields: [
        ['projectId', 1],
        ['termFrom', -1],
      ],
    },
  ],
  maintenance_funds: byProject,
  maintenance_uses: [
    {
      fields: [
        ['projectId', 1],
        ['appliedAt', -1],
      ],
    },
  ],
} as const
