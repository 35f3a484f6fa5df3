/**
 * 项目管理 → 项目信息 (manual §11): one action per tab, each reading only what its tab shows, for
 * the caller's project (a manager of several names it; the kernel checks it is theirs). Tabs
 * with long lists (从业人员, 电子投票, 设施设备, 维修金使用) are paged, 20 rows a page. A tab the
 * platform holds nothing for answers null or no rows, never an error: the page shows its empty
 * state. Personal phones and ID numbers are masked here, in the answer.
 */
import type { Account } from '../../types/account'
import { maskIdNo, maskPhone } from '../../types/display'
import { AppError } from '../../types/errors'
import {
  PROJECT_PAGE_SIZE,
  ProjectContract,
  type Facility,
  type MaintenanceFund,
  type MaintenanceUse,
  type OwnerCommittee,
  type PartyBranch,
  type Project,
  type ProjectProfile,
  type PropertyCompany,
  type SafetyCheckRow,
  type ServiceContract,
  type StaffMember,
  type VoteSession,
} from '../../types/project'
import { CHECK_KINDS, STATUS_LABELS } from '../../types/safety'
import { db, defineFunction, first, list, type Ctx } from '../../server/kernel'
import { checksOfProject } from '../safety/api'

interface Pageable {
  skip(n: number): { limit(n: number): { get(): unknown } }
}

/** Page `page` of a sorted query: its rows and whether another page follows. */
async function paged<T>(query: Pageable, page: number): Promise<{ rows: T[]; more: boolean }> {
  const rows = await list<T>(query.skip(page * PROJECT_PAGE_SIZE).limit(PROJECT_PAGE_SIZE + 1))
  return { rows: rows.slice(0, PROJECT_PAGE_SIZE), more: rows.length > PROJECT_PAGE_SIZE }
}

async function projectOf(ctx: Ctx<Account>): Promise<Project> {
  const project = await first<Project>(db.collection('projects').where({ _id: ctx.projectId }))
  if (!project) throw new AppError('NOT_FOUND', '项目不存在')
  return project
}

function profileOf(ctx: Ctx<Account>): Promise<ProjectProfile | null> {
  return first<ProjectProfile>(db.collection('project_profiles').where({ _id: ctx.projectId }))
}

/** The one record of a collection keyed by project (the newest by `newest`, when given). */
function oneOf<T>(ctx: Ctx<Account>, collection: string, newest?: string): Promise<T | null> {
  const query = db.collection(collection).where({ projectId: ctx.projectId })
  return first<T>(newest ? query.orderBy(newest, 'desc') : query)
}

const byProject = (ctx: Ctx<Account>, collection: string) =>
  db.collection(collection).where({ projectId: ctx.projectId })

export const main = defineFunction(ProjectContract, {
  async basic(ctx) {
    const [project, profile] = await Promise.all([projectOf(ctx), profileOf(ctx)])
    if (!profile) return { project, profile: null }
    const { owners: _owners, voting: _voting, ...rest } = profile
    return { project, profile: rest }
  },

  async staff(ctx, { page }) {
    const res = await paged<StaffMember>(
      byProject(ctx, 'project_staff').orderBy('order', 'asc'),
      page,
    )
    return {
      ...res,
      rows: res.rows.map((s) => ({ ...s, phone: maskPhone(s.phone), idNo: maskIdNo(s.idNo) })),
    }
  },

  async company(ctx) {
    const profile = await profileOf(ctx)
    const company = profile?.companyId
      ? await first<PropertyCompany>(
          db.collection('property_companies').where({ _id: profile.companyId }),
        )
      : null
    return {
      company: company ? { ...company, contactPhone: maskPhone(company.contactPhone) } : null,
      managedSince: profile?.managedSince ?? null,
    }
  },

  async committee(ctx) {
    const c = await oneOf<OwnerCommittee>(ctx, 'owner_committees', 'termFrom')
    return {
      committee: c
        ? { ...c, members: c.members.map((m) => ({ ...m, phone: maskPhone(m.phone) })) }
        : null,
    }
  },

  async party(ctx) {
    const b = await oneOf<PartyBranch>(ctx, 'party_branches')
    return { branch: b ? { ...b, phone: maskPhone(b.phone) } : null }
  },

  async owners(ctx) {
    const profile = await profileOf(ctx)
    if (!profile) return { owners: null }
    const { households, owners, bound, byBuilding } = profile.owners
    return {
      owners: {
        households,
        owners,
        bound,
        bindingRate: owners > 0 ? Math.round((bound * 1000) / owners) / 10 : null,
        byBuilding,
        updatedAt: profile.updatedAt,
      },
    }
  },

  async safety(ctx) {
    // The checks and submissions are the safety module's: it answers through its own door.
    const checks = await checksOfProject(await projectOf(ctx), ctx.now)
    const rows = checks.map(({ check: c, status, answered, score }): SafetyCheckRow => ({
      checkId: c._id,
      title: c.title,
      kind: CHECK_KINDS[c.kind],
      issuer: c.issuer,
      startAt: c.startAt,
      endAt: c.endAt,
      status: STATUS_LABELS[status],
      confirmed: status === 'confirmed',
      answered,
      itemCount: c.itemCount,
      score: score ?? null,
      totalPoints: c.totalPoints,
    }))
    return { total: rows.length, completed: rows.filter((r) => r.confirmed).length, rows }
  },

  async voting(ctx) {
    const [profile, sessions] = await Promise.all([
      profileOf(ctx),
      list<Pick<VoteSession, 'matters'>>(
        byProject(ctx, 'vote_sessions').limit(1000).field({ matters: true }),
      ),
    ])
    if (!profile && sessions.length === 0) return { summary: null }
    const matters = sessions.flatMap((s) => s.matters)
    return {
      summary: {
        voters: profile?.voting.voters ?? 0,
        households: profile?.voting.households ?? 0,
        sessions: sessions.length,
        matters: matters.length,
        passed: matters.filter((m) => m.result === 'passed').length,
      },
    }
  },

  votes(ctx, { page }) {
    return paged<VoteSession>(byProject(ctx, 'vote_sessions').orderBy('startAt', 'desc'), page)
  },

  facilities(ctx, { kind, page }) {
    const where = { projectId: ctx.projectId, ...(kind ? { kind } : {}) }
    return paged<Facility>(db.collection('facilities').where(where).orderBy('code', 'asc'), page)
  },

  async contracts(ctx) {
    const rows = await list<ServiceContract>(
      byProject(ctx, 'service_contracts').orderBy('termFrom', 'desc').limit(50),
    )
    return { rows }
  },

  async fund(ctx) {
    const fund = await first<MaintenanceFund>(
      db.collection('maintenance_funds').where({ _id: ctx.projectId }),
    )
    return { fund }
  },

  fundUses(ctx, { page }) {
    return paged<MaintenanceUse>(
      byProject(ctx, 'maintenance_uses').orderBy('appliedAt', 'desc'),
      page,
    )
  },
})
