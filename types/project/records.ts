/**
 * 项目信息's records as the platform keeps them (types/project.ts is the module's entry): the
 * project, its people, committees, votes, facilities, contracts and maintenance fund, each in the
 * collection named on it. Money in fen.
 */

/** A project, in the core collection `projects` (the fields 基础信息 shows). */
export interface Project {
  _id: string
  code: string
  name: string
  district: string
  street: string
  community: string
  address: string
  servicePhone: string
  managerScore: number
  company: string
}

/** 业主情况 per building. */
export interface BuildingOwners {
  building: string
  households: number
  owners: number
  bound: number
}

/** What the platform records of a project beyond `projects`, in `project_profiles` (`_id` = projectId). */
export interface ProjectProfile {
  _id: string
  projectId: string
  /** 住宅 / 商住 / 商业 / 办公 / 工业区 … */
  propertyType: string
  /** m², two decimals. */
  landArea: number
  buildingArea: number
  buildings: number
  households: number
  /** 竣工 / 交付日期 (dates). */
  completedAt: string
  /** The property company (`property_companies`) and since when it manages the project. */
  companyId: string | null
  managedSince: string | null
  /** 业主情况: owners on record and those who bound their WeChat on the platform. */
  owners: { households: number; owners: number; bound: number; byBuilding: BuildingOwners[] }
  /** 电子投票: owners entitled to vote on the platform, and their households. */
  voting: { voters: number; households: number }
  updatedAt: number
}

/** 从业人员, in `project_staff`. */
export interface StaffMember {
  _id: string
  projectId: string
  name: string
  /** 项目经理, 客服主管, 工程主管, 电工, 消防监控员 … */
  post: string
  /** 证书 (名称 + 编号), or 无. */
  certificate: string
  phone: string
  idNo: string
  /** 入职日期. */
  startDate: string
  /** Listing order (the project manager first). */
  order: number
}

/** 物业公司, in `property_companies`. */
export interface PropertyCompany {
  _id: string
  name: string
  /** 统一社会信用代码 (18 characters). */
  uscc: string
  legalPerson: string
  address: string
  contact: string
  contactPhone: string
  /** 信用等级 of the city's credit evaluation (AAA … C). */
  creditGrade: string
  /** 信用评价得分. */
  creditScore: number
  registeredAt: string
}

export interface CommitteeMember {
  name: string
  /** 主任 / 副主任 / 委员 / 候补委员 / 执行秘书. */
  post: string
  phone: string
  /** 房号. */
  room: string
}

/** 业主委员会 (the current term), in `owner_committees`. */
export interface OwnerCommittee {
  _id: string
  projectId: string
  name: string
  termFrom: string
  termTo: string
  /** 备案: 已备案 / 备案中 / 未备案, with its number, date and the 街道办 that filed it. */
  filing: {
    status: '已备案' | '备案中' | '未备案'
    no: string | null
    at: string | null
    by: string
  }
  members: CommitteeMember[]
  electedAt: string
}

/** 党支部, in `party_branches`. */
export interface PartyBranch {
  _id: string
  projectId: string
  name: string
  secretary: string
  /** 党员人数. */
  memberCount: number
  foundedAt: string
  /** 上级党组织. */
  parent: string
  /** 联系电话 (a person's: masked). */
  phone: string
}

export type MatterResult = 'passed' | 'failed'
export const MATTER_RESULTS: Record<MatterResult, string> = { passed: '通过', failed: '未通过' }

/** A matter put to the vote and what came of it. */
export interface VoteMatter {
  title: string
  result: MatterResult
  /** Shares of those taking part, one decimal (同意人数占比, 同意面积占比 in %). */
  agreePeople: number
  agreeArea: number
}

/** An 电子投票 session, in `vote_sessions`. */
export interface VoteSession {
  _id: string
  projectId: string
  title: string
  startAt: number
  endAt: number
  /** 参与投票人数 / 户数. */
  participants: number
  households: number
  matters: VoteMatter[]
}

export type FacilityStatus = 'normal' | 'repair' | 'stopped'
export const FACILITY_STATUSES: Record<FacilityStatus, string> = {
  normal: '正常',
  repair: '维修中',
  stopped: '停用',
}
export const FACILITY_KINDS = [
  '电梯',
  '消防设施',
  '二次供水',
  '供配电',
  '安防监控',
  '门禁道闸',
  '充电设施',
  '排水防涝',
  '康体设施',
] as const
export type FacilityKind = (typeof FACILITY_KINDS)[number]

/** 设施设备, in `facilities`. */
export interface Facility {
  _id: string
  projectId: string
  /** 设备编号: the list's order. */
  code: string
  name: string
  kind: FacilityKind
  /** 安装位置. */
  location: string
  status: FacilityStatus
  installedAt: string
  lastMaintainedAt: string
  maintainer: string
}

export interface FeeStandard {
  /** 住宅 / 商铺 / 写字楼 / 车位 … */
  item: string
  /** Fen per unit and month (280 = ¥2.80). */
  fen: number
  /** 元/平方米·月, 元/个·月 … */
  unit: string
}

/** 物业服务合同 and its filing, in `service_contracts`. */
export interface ServiceContract {
  _id: string
  projectId: string
  /** 备案号. */
  filingNo: string
  filedAt: string
  /** 甲方 (业主大会 / 建设单位) and 乙方 (the property company). */
  partyA: string
  partyB: string
  /** 前期物业服务合同 or 物业服务合同. */
  kind: string
  /** 包干制 / 酬金制. */
  feeMode: string
  signedAt: string
  termFrom: string
  termTo: string
  fees: FeeStandard[]
}

/**
 * 维修金信息: the project's 专项维修资金 as the city's maintenance-fund centre manages it (统管),
 * in `maintenance_funds` (`_id` = projectId). balance = collected + interest − used, in fen.
 */
export interface MaintenanceFund {
  _id: string
  projectId: string
  /** Who manages it (深圳市物业专项维修资金管理中心). */
  manager: string
  /** 应交 / 已交 households and amounts (fen). */
  householdsDue: number
  householdsPaid: number
  due: number
  collected: number
  /** 增值收益 (interest), fen. */
  interest: number
  /** Spent on the uses paid out (fen): the sum of `maintenance_uses` with status paid. */
  used: number
  balance: number
  updatedAt: number
}

export type UseStatus = 'paid' | 'approved' | 'reviewing'
export const USE_STATUSES: Record<UseStatus, string> = {
  paid: '已拨付',
  approved: '已核准',
  reviewing: '审核中',
}

/** A use of the maintenance fund, in `maintenance_uses`. */
export interface MaintenanceUse {
  _id: string
  projectId: string
  /** 维修项目. */
  item: string
  /** Fen. */
  amount: number
  appliedAt: string
  status: UseStatus
  /** 表决情况 of the owners. */
  approval: string
  contractor: string
}
