/**
 * 信用信息 (manual §6). The subjects of the caller's project by type (物业企业, 项目负责人, 业委会主任,
 * 业主, 业委会执行秘书, 业主监事（会）), one subject's basic information with the number of records
 * shown, and its 良好 / 不良 records newest first, 20 a page. A bad record is shown up to and
 * including its last day (showUntil, China Standard Time) and never after: the filter is here, so
 * no page can ask for it. ID numbers and phones leave masked.
 */
import {
  CREDIT_PAGE_SIZE,
  CreditContract,
  type CreditRecord,
  type CreditSubject,
  type RecordKind,
  type SubjectRow,
} from '../../types/credit'
import { cstDate, maskIdNo, maskPhone } from '../../types/display'
import { AppError } from '../../types/errors'
import { _, db, defineFunction, first, list, type Ctx } from '../../server/kernel'
import type { Account } from '../../types/account'

const subjects = () => db.collection('credit_subjects')
const records = () => db.collection('credit_records')

/** The records of `kind` shown today: a bad one only until its last day. */
function shown(subjectId: string, kind: RecordKind, now: number) {
  return {
    subjectId,
    kind,
    ...(kind === 'bad' ? { showUntil: _.gte(cstDate(now)) } : {}),
  }
}

async function count(where: object): Promise<number> {
  const res = (await records().where(where).count()) as { total: number }
  return res.total
}

/** The subject, if it belongs to the caller's project (another project's is "not found"). */
async function subjectFor(ctx: Ctx<Account>, subjectId: string): Promise<CreditSubject> {
  const s = await first<CreditSubject>(
    subjects().where({ _id: subjectId, projectIds: ctx.projectId }),
  )
  if (!s) throw new AppError('NOT_FOUND', '信用主体不存在')
  return s
}

export const main = defineFunction(CreditContract, {
  async subjects(ctx, { type, page }) {
    const rows = await list<SubjectRow>(
      subjects()
        .where({ projectIds: ctx.projectId, type })
        .orderBy('name', 'asc')
        .skip(page * CREDIT_PAGE_SIZE)
        .limit(CREDIT_PAGE_SIZE + 1)
        .field({ type: true, name: true, post: true, room: true, grade: true }),
    )
    return { rows: rows.slice(0, CREDIT_PAGE_SIZE), more: rows.length > CREDIT_PAGE_SIZE }
  },

  async subject(ctx, { subjectId }) {
    const s = await subjectFor(ctx, subjectId)
    const [good, bad] = await Promise.all([
      count(shown(subjectId, 'good', ctx.now)),
      count(shown(subjectId, 'bad', ctx.now)),
    ])
    const subject: CreditSubject = {
      ...s,
      ...(s.idNo ? { idNo: maskIdNo(s.idNo) } : {}),
      ...(s.phone ? { phone: maskPhone(s.phone) } : {}),
    }
    return { subject, counts: { good, bad } }
  },

  async records(ctx, { subjectId, kind, page }) {
    await subjectFor(ctx, subjectId)
    const rows = await list<CreditRecord>(
      records()
        .where(shown(subjectId, kind, ctx.now))
        .orderBy('date', 'desc')
        .skip(page * CREDIT_PAGE_SIZE)
        .limit(CREDIT_PAGE_SIZE + 1),
    )
    return { rows: rows.slice(0, CREDIT_PAGE_SIZE), more: rows.length > CREDIT_PAGE_SIZE }
  },
})
