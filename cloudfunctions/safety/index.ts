/**
 * 安全检查 (manual §7). Checks come from the operator (seed / scripts/import-safety-check.ts).
 * While a check is 进行中 a member of the project holding the module fills it item by item (the
 * draft is saved per item, so nothing typed is lost), then submits; a manager of the project
 * confirms it or returns it with a comment, and a returned one is corrected and submitted again.
 * Every move is one transaction with its to-dos and audit row; nothing moves outside the window.
 */
import type { Account } from '../../types/account'
import { AppError } from '../../types/errors'
import type { AuditRow } from '../../types/permissions'
import {
  SAFETY_PAGE_SIZE,
  SafetyContract,
  SUBMISSION_TRANSITIONS,
  submissionId,
  type SafetyCheck,
  type SafetySubmission,
  type SubmissionStatus,
} from '../../types/safety'
import {
  _,
  db,
  defineFunction,
  first,
  insert,
  list,
  notify,
  subscribeTemplates,
  tellManagers,
  updateCount,
  type MemberCtx,
} from '../../server/kernel'
import { openTodosOnce, step } from '../todos/api'
import { answeredCount, checkRow, inScope, itemIds } from './api'
import { checkPhotos, keep, keptAnswers, newSlot, ownSlot, photoBytes, photoUrls } from './photos'

interface Project {
  _id: string
  name: string
  district: string
}

const EDITABLE: readonly SafetySubmission['status'][] = ['draft', 'returned']
const checks = () => db.collection('safety_checks')
const submissions = () => db.collection('safety_submissions')

async function projectOf(ctx: MemberCtx): Promise<Project> {
  const project = await first<Project>(db.collection('projects').where({ _id: ctx.projectId }))
  if (!project) throw new AppError('NOT_FOUND', '项目不存在')
  return project
}

/** The check, if it concerns the caller's project (another project's check is "not found"). */
async function checkFor(ctx: MemberCtx, checkId: string): Promise<SafetyCheck> {
  const [check, project] = await Promise.all([
    first<SafetyCheck>(checks().where({ _id: checkId })),
    projectOf(ctx),
  ])
  if (!check || !inScope(check, project)) throw new AppError('NOT_FOUND', '检查不存在')
  return check
}

const isOpen = (check: SafetyCheck, at: number) => at >= check.startAt && at < check.endAt

function requireOpen(check: SafetyCheck, at: number): void {
  if (at < check.startAt) throw new AppError('INVALID_STATE', '检查尚未开始')
  if (at >= check.endAt) throw new AppError('INVALID_STATE', '检查已结束，不能再修改')
}

async function submissionOf(ctx: MemberCtx, checkId: string) {
  return first<SafetySubmission>(submissions().where({ _id: submissionId(checkId, ctx.projectId) }))
}

/** The trail of a submission (审核信息). */
function trailOf(ctx: MemberCtx, subId: string): Promise<AuditRow[]> {
  return list<AuditRow>(
    db
      .collection('audit_log')
      .where({ projectId: ctx.projectId, targetId: subId })
      .orderBy('at', 'desc')
      .limit(50)
      .field({ actorOpenid: false, fn: false }),
  )
}

/** The project's managers hear of a submission awaiting them (never the caller himself). */
function tellOfSubmission(ctx: MemberCtx, check: SafetyCheck): Promise<void> {
  return tellManagers(ctx.projectId, ctx.openid, {
    templateId: subscribeTemplates().reviewRequest,
    page: `pages/safety/index?checkId=${check._id}&projectId=${ctx.projectId}`,
    data: { thing1: check.title, thing2: ctx.caller.name, phrase3: '待确认' },
  })
}

async function tellSubmitter(sub: SafetySubmission, check: SafetyCheck, result: string) {
  const submitter = await first<Account>(db.collection('accounts').where({ _id: sub.submittedBy }))
  await notify(
    submitter?.openid ?? null,
    subscribeTemplates().reviewResult,
    `pages/safety/index?checkId=${check._id}&projectId=${sub.projectId}`,
    { thing1: check.title, phrase2: result, thing3: sub.comment ?? '—' },
  )
}

/** A step of the submission's workflow: the move, its to-dos and its audit row together. */
function stepOf(
  ctx: MemberCtx,
  check: SafetyCheck,
  sub: SafetySubmission,
  event: keyof typeof SUBMISSION_TRANSITIONS,
  version: number,
  o: {
    patch: Partial<SafetySubmission>
    result: string
    todoTitle?: string
    detail?: Record<string, unknown>
    comment?: string
  },
): Promise<SafetySubmission> {
  return step<SubmissionStatus, SafetySubmission>(ctx, {
    collection: 'safety_submissions',
    machine: SUBMISSION_TRANSITIONS,
    event,
    id: sub._id,
    version,
    patch: o.patch,
    result: o.result,
    audit: {
      targetType: 'safetySubmission',
      projectId: ctx.projectId,
      ...(o.detail ? { detail: o.detail } : {}),
      ...(o.comment ? { comment: o.comment } : {}),
    },
    todo: o.todoTitle
      ? {
          projectId: ctx.projectId,
          title: o.todoTitle,
          link: `/pages/safety/index?checkId=${check._id}&projectId=${ctx.projectId}`,
          dueAt: check.endAt,
        }
      : undefined,
  })
}

/** An item the caller may answer now: its check is open and the submission not yet sent. */
async function editableItem(ctx: MemberCtx, checkId: string, itemId: string) {
  const check = await checkFor(ctx, checkId)
  requireOpen(check, ctx.now)
  if (!itemIds(check).includes(itemId)) {
    throw new AppError('BAD_INPUT', '检查项不存在', { itemId: '检查项不存在' })
  }
  const sub = await submissionOf(ctx, checkId)
  if (sub && !EDITABLE.includes(sub.status)) throw frozen(sub.status)
  return { check, sub }
}

/** The refusal of any change, photos included, to a submission that is not 草稿 / 已退回. */
function frozen(status: SubmissionStatus): AppError {
  return new AppError(
    'INVALID_STATE',
    status === 'confirmed' ? '已确认，不能再修改或上传照片' : '已提交，不能再修改或上传照片',
  )
}

/** Loads what every move needs and checks the window. */
async function moving(ctx: MemberCtx, checkId: string) {
  const check = await checkFor(ctx, checkId)
  requireOpen(check, ctx.now)
  const sub = await submissionOf(ctx, checkId)
  if (!sub) throw new AppError('INVALID_STATE', '尚未填写该检查')
  return { check, sub }
}

export const main = defineFunction(SafetyContract, {
  async list(ctx, { tab, page }) {
    const [project, published] = await Promise.all([
      projectOf(ctx),
      list<SafetyCheck>(
        checks()
          .where(tab === 'ongoing' ? { endAt: _.gt(ctx.now) } : { endAt: _.lte(ctx.now) })
          .orderBy('endAt', tab === 'ongoing' ? 'asc' : 'desc')
          .limit(1000),
      ),
    ])
    // The operator publishes a few checks a year: scope is checked here, paging after it.
    const mine = published.filter((c) => inScope(c, project) && c.startAt <= ctx.now)
    const pageOf = mine.slice(page * SAFETY_PAGE_SIZE, (page + 1) * SAFETY_PAGE_SIZE)
    const subs = pageOf.length
      ? await list<SafetySubmission>(
          submissions().where({
            projectId: ctx.projectId,
            checkId: _.in(pageOf.map((c) => c._id)),
          }),
        )
      : []
    const rows = pageOf.map((c) => checkRow(c, subs.find((s) => s.checkId === c._id) ?? null))
    return { rows, more: mine.length > (page + 1) * SAFETY_PAGE_SIZE }
  },

  async detail(ctx, { checkId }) {
    const check = await checkFor(ctx, checkId)
    const sub = await submissionOf(ctx, checkId)
    const editable = isOpen(check, ctx.now) && (!sub || EDITABLE.includes(sub.status))
    const [urls, trail] = await Promise.all([
      photoUrls(sub),
      trailOf(ctx, submissionId(checkId, ctx.projectId)),
    ])
    return { check, submission: sub, photoUrls: urls, editable, trail }
  },

  async saveAnswer(ctx, { checkId, itemId, answer }) {
    const { check, sub: before } = await editableItem(ctx, checkId, itemId)
    const subId = submissionId(checkId, ctx.projectId)
    let sub = before
    await checkPhotos(ctx, subId, itemId, answer.photos, sub?.answers[itemId])
    if (!sub) {
      // The first answer opens the draft; of two first answers at once, one creates it.
      const draft = {
        _id: subId,
        checkId,
        projectId: ctx.projectId,
        status: 'draft',
        answers: {},
        version: 1,
        updatedAt: ctx.now,
      }
      await insert(submissions(), draft).catch(() => undefined)
    }
    // One item per statement: answers to different items saved at once never overwrite each other.
    const saved = await updateCount(
      submissions().where({ _id: subId, status: _.in([...EDITABLE]) }),
      { [`answers.${itemId}`]: _.set(answer), updatedAt: ctx.now, version: _.inc(1) },
    )
    sub = await submissionOf(ctx, checkId)
    // Not saved: either it was submitted meanwhile, or the draft could not be created at all.
    if (saved !== 1) throw sub ? frozen(sub.status) : new AppError('INTERNAL')
    return { answered: answeredCount(check, sub), version: sub!.version }
  },

  async photoSlot(ctx, { checkId, itemId, ext }) {
    await editableItem(ctx, checkId, itemId)
    const cloudPath = await newSlot(ctx, { checkId, itemId, accountId: ctx.caller._id }, ext)
    return { cloudPath }
  },

  async uploadPhoto(ctx, { checkId, cloudPath, dataBase64 }) {
    const slot = await ownSlot(ctx, checkId, cloudPath)
    // Open check, known item, a submission still 草稿 / 已退回.
    await editableItem(ctx, checkId, slot.itemId)
    const { bytes, ext } = photoBytes(dataBase64)
    // A new file each time, never the slot's own path: an upload racing 提交 changes nothing sent.
    const where = { checkId, itemId: slot.itemId, accountId: ctx.caller._id }
    const fileID = await keep(ctx, where, bytes, ext)
    const urls = await photoUrls({
      answers: { x: { result: 'ok', photos: [fileID] } },
    } as unknown as SafetySubmission)
    return { fileID, url: urls[fileID] ?? '' }
  },

  async submit(ctx, { checkId, version }) {
    const { check, sub } = await moving(ctx, checkId)
    const missing = itemIds(check).filter((id) => !sub.answers[id])
    if (missing.length) {
      throw new AppError(
        'BAD_INPUT',
        `还有${missing.length}项未填写`,
        Object.fromEntries(missing.map((id) => [`answers.${id}`, '未填写'])),
      )
    }
    const points = new Map(check.categories.flatMap((c) => c.items.map((i) => [i._id, i.points])))
    const score = itemIds(check).reduce(
      (sum, id) => sum + (sub.answers[id].result === 'ok' ? (points.get(id) ?? 0) : 0),
      0,
    )
    // Copies only for a submission this call can move; the move itself re-checks the version.
    const movable = sub.version === version && EDITABLE.includes(sub.status)
    const answers = movable ? await keptAnswers(ctx, sub) : sub.answers
    const done = await stepOf(ctx, check, sub, 'submit', version, {
      patch: {
        answers,
        score,
        submittedAt: ctx.now,
        submittedBy: ctx.caller._id,
        submittedByName: ctx.caller.name,
      },
      result: '已提交',
      todoTitle: `确认：${check.title}`,
      detail: { score, total: check.totalPoints },
    })
    await tellOfSubmission(ctx, check)
    return done
  },

  async confirm(ctx, { checkId, version }) {
    const { check, sub } = await moving(ctx, checkId)
    const done = await stepOf(ctx, check, sub, 'confirm', version, {
      patch: { confirmedAt: ctx.now },
      result: '已确认',
      // The trail shows it as the submission's row does: 自评得分：60 / 85.
      detail: { score: sub.score, total: check.totalPoints },
    })
    await tellSubmitter(done, check, '已确认')
    return done
  },

  async return(ctx, { checkId, version, comment }) {
    const { check, sub } = await moving(ctx, checkId)
    const done = await stepOf(ctx, check, sub, 'return', version, {
      patch: { comment },
      result: `已退回：${comment}`,
      todoTitle: `修改：${check.title}（已退回）`,
      comment,
    })
    await tellSubmitter(done, check, '已退回')
    return done
  },

  async publishCheck(ctx, { check: input }) {
    const items = input.categories.flatMap((c) => c.items)
    const check: SafetyCheck = {
      ...input,
      totalPoints: items.reduce((sum, i) => sum + i.points, 0),
      itemCount: items.length,
      publishedAt: ctx.now,
    }
    const earlier = await first<SafetyCheck>(checks().where({ _id: check._id }))
    // Publishing again (a retry after a crash) only opens the to-dos still missing.
    if (earlier && earlier.title !== check.title) {
      throw new AppError('CONFLICT', '检查编号已被另一项检查使用', { 'check._id': '编号已存在' })
    }
    if (!earlier) await insert(checks(), check)
    const { districts = [], projectIds = [] } = check.scope
    const projects = await list<Project>(
      db
        .collection('projects')
        .where(_.or([{ district: _.in(districts) }, { _id: _.in(projectIds) }]))
        .field({ _id: true })
        .limit(1000),
    )
    await openTodosOnce(
      projects.map((p) => ({
        _id: `fill_${check._id}_${p._id}`,
        projectId: p._id,
        kind: 'fillSafetyCheck' as const,
        title: `填写：${check.title}`,
        targetType: 'safetySubmission',
        targetId: submissionId(check._id, p._id),
        link: `/pages/safety/index?checkId=${check._id}&projectId=${p._id}`,
        dueAt: check.endAt,
      })),
      ctx.now,
    )
    await ctx.audit({
      targetType: 'safetyCheck',
      targetId: check._id,
      detail: { projects: projects.length },
    })
    return { checkId: check._id, projects: projects.length }
  },
})
