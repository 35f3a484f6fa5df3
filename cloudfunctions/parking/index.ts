/**
 * 车位信息公开 (manual §13). A member of the project holding the module drafts the next edition of
 * the project's parking disclosure (kept here as it is typed, so another phone of the same person
 * continues it), then submits it as the publicity sheet: every rule of the form is checked here
 * with an error per field. A handler's submission becomes a 发布 to-do for the managers (and a
 * subscribe message); a manager publishes or cancels it. Publishing supersedes the edition
 * published before, in the same transaction, so the public always sees exactly one.
 */
import type { Account } from '../../types/account'
import { AppError } from '../../types/errors'
import {
  chinaDate,
  EDITION_TRANSITIONS,
  editionId as idOf,
  emptyParkingDraft,
  fieldLabel,
  normalizeParking,
  PARKING_PAGE_SIZE,
  ParkingContract,
  validateParking,
  type EditionStatus,
  type EditionSummary,
  type ParkingEdition,
} from '../../types/parking'
import type { AuditRow } from '../../types/permissions'
import {
  _,
  DAY,
  db,
  defineFunction,
  first,
  inTransaction,
  list,
  move,
  notify,
  subscribeTemplates,
  tellManagers,
  updateCount,
  type Ctx,
  type MemberCtx,
} from '../../server/kernel'
import { step } from '../todos/api'

const editions = () => db.collection('parking_editions')
const OPEN: EditionStatus[] = ['draft', 'submitted']
const TARGET = 'parkingEdition'

/** The sheet of an edition, naming its project (a manager of several lands in the right one). */
const linkOf = (ed: Pick<ParkingEdition, '_id' | 'projectId'>) =>
  `/pages/parking/sheet/index?editionId=${ed._id}&projectId=${ed.projectId}`

/** The edition `id` of the caller's project (another project's is "not found"). */
async function editionOf(ctx: Ctx<Account>, id: string): Promise<ParkingEdition> {
  const ed = await first<ParkingEdition>(editions().where({ _id: id, projectId: ctx.projectId }))
  if (!ed) throw new AppError('NOT_FOUND', '该版本不存在')
  return ed
}

function byStatus(ctx: Ctx<Account>, status: EditionStatus | EditionStatus[]) {
  return first<ParkingEdition>(
    editions().where({
      projectId: ctx.projectId,
      status: Array.isArray(status) ? _.in(status) : status,
    }),
  )
}

function latest(ctx: Ctx<Account>) {
  return first<ParkingEdition>(
    editions().where({ projectId: ctx.projectId }).orderBy('edition', 'desc'),
  )
}

function trailOf(ctx: Ctx<Account>, id: string): Promise<AuditRow[]> {
  return list<AuditRow>(
    db
      .collection('audit_log')
      .where({ projectId: ctx.projectId, targetId: id })
      .orderBy('at', 'desc')
      .limit(50)
      .field({ actorOpenid: false, fn: false }),
  )
}

/** The project's managers hear of a submission awaiting them (never the caller himself). */
function tellOfSubmission(ctx: MemberCtx, ed: ParkingEdition): Promise<void> {
  return tellManagers(ctx.projectId, ctx.openid, {
    templateId: subscribeTemplates().reviewRequest,
    page: linkOf(ed).slice(1),
    data: { thing1: `车位信息公开第${ed.edition}版`, thing2: ctx.caller.name, phrase3: '待发布' },
  })
}

/** The handler who submitted it hears what the manager decided. */
async function tellSubmitter(ctx: Ctx<Account>, ed: ParkingEdition, result: string, why = '—') {
  if (!ed.submittedBy || ed.submittedBy === ctx.caller._id) return
  const submitter = await first<Account>(db.collection('accounts').where({ _id: ed.submittedBy }))
  await notify(submitter?.openid ?? null, subscribeTemplates().reviewResult, linkOf(ed).slice(1), {
    thing1: `车位信息公开第${ed.edition}版`,
    phrase2: result,
    thing3: why,
  })
}

export const main = defineFunction(ParkingContract, {
  async current(ctx) {
    const [published, open, last] = await Promise.all([
      byStatus(ctx, 'published'),
      byStatus(ctx, OPEN),
      latest(ctx),
    ])
    // A new draft starts from the latest edition the project wrote (published or not).
    const base = last && !OPEN.includes(last.status) ? last.form : (published?.form ?? null)
    return {
      published,
      open,
      base: base ?? emptyParkingDraft(),
      nextEdition: (last?.edition ?? 0) + 1,
      canPublish: ctx.caller.role === 'manager',
    }
  },

  async edition(ctx, { editionId }) {
    const [edition, trail] = await Promise.all([editionOf(ctx, editionId), trailOf(ctx, editionId)])
    return { edition, trail, canPublish: ctx.caller.role === 'manager' }
  },

  async history(ctx, { page }) {
    const rows = await list<EditionSummary>(
      editions()
        .where({ projectId: ctx.projectId })
        .orderBy('edition', 'desc')
        .skip(page * PARKING_PAGE_SIZE)
        .limit(PARKING_PAGE_SIZE + 1)
        .field({ form: false }),
    )
    return { rows: rows.slice(0, PARKING_PAGE_SIZE), more: rows.length > PARKING_PAGE_SIZE }
  },

  async saveDraft(ctx, { editionId, version, form, step: at }) {
    if (!editionId) {
      // The next edition: one open edition per project at a time, numbered after the latest.
      // The number is the claim: edition N+1 can be inserted once (its _id is unique), and only
      // once N — the latest, read with its status in one query — is closed; closed is final. So
      // two editions can never be open: a call that sees N open refuses, one that saw N-1 as the
      // latest collides on N's _id. (Reading "any open one" and "the latest" apart let a burst
      // see no open edition and the latest already taken, and open N+1 beside N.)
      const last = await latest(ctx)
      const open = last && OPEN.includes(last.status) ? last : await byStatus(ctx, OPEN)
      if (open?.status === 'submitted') {
        throw new AppError('INVALID_STATE', `第${open.edition}版待发布，发布或取消后才能填写新版本`)
      }
      if (open) throw new AppError('CONFLICT', `第${open.edition}版已在填写中，请刷新后继续`)
      const edition = (last?.edition ?? 0) + 1
      const id = idOf(ctx.projectId, edition)
      const draft: ParkingEdition = {
        _id: id,
        projectId: ctx.projectId,
        edition,
        status: 'draft',
        form,
        step: at,
        version: 1,
        createdAt: ctx.now,
        createdBy: ctx.caller._id,
        createdByName: ctx.caller.name,
        updatedAt: ctx.now,
        updatedByName: ctx.caller.name,
      }
      try {
        await inTransaction(async (tx) => {
          await tx.collection('parking_editions').add({ data: { ...draft } })
          await ctx.audit(
            {
              action: 'createDraft',
              label: '新建草稿',
              targetType: TARGET,
              targetId: id,
              projectId: ctx.projectId,
              detail: { edition },
            },
            tx,
          )
        })
      } catch (err) {
        // Two phones starting the same edition at once: the database keeps one of them.
        if (await first(editions().where({ _id: id }))) {
          throw new AppError('CONFLICT', `第${edition}版已在另一台手机上开始填写，请刷新后继续`)
        }
        throw err
      }
      return { editionId: id, edition, version: 1, updatedAt: ctx.now }
    }
    const saved = await updateCount(
      editions().where({ _id: editionId, projectId: ctx.projectId, status: 'draft', version }),
      {
        form: _.set(form),
        step: at,
        version: _.inc(1),
        updatedAt: ctx.now,
        updatedByName: ctx.caller.name,
      },
    )
    const ed = await editionOf(ctx, editionId)
    if (saved !== 1) {
      if (ed.status !== 'draft') throw new AppError('INVALID_STATE', '该版本已提交，不能再修改')
      throw new AppError('CONFLICT', '草稿已在另一台手机上修改，请刷新后继续')
    }
    return { editionId, edition: ed.edition, version: ed.version, updatedAt: ed.updatedAt }
  },

  async submit(ctx, { editionId, version, form }) {
    const ed = await editionOf(ctx, editionId)
    const errors = validateParking(form, chinaDate(ctx.now))
    const wrong = Object.keys(errors)
    if (wrong.length) {
      const [path] = wrong
      throw new AppError(
        'BAD_INPUT',
        `${fieldLabel(path)}：${errors[path]}${wrong.length > 1 ? `（共${wrong.length}处需修改）` : ''}`,
        Object.fromEntries(wrong.map((p) => [`form.${p}`, errors[p]])),
      )
    }
    const own = ctx.caller.role === 'manager'
    const done = await step<EditionStatus, ParkingEdition>(ctx, {
      collection: 'parking_editions',
      machine: EDITION_TRANSITIONS,
      event: own ? 'submitOwn' : 'submit',
      id: ed._id,
      version,
      patch: {
        form: normalizeParking(form),
        submittedAt: ctx.now,
        submittedBy: ctx.caller._id,
        submittedByName: ctx.caller.name,
        submittedByRole: ctx.caller.role,
        updatedByName: ctx.caller.name,
      },
      audit: { targetType: TARGET, projectId: ctx.projectId, detail: { edition: ed.edition } },
      todo: own
        ? undefined
        : {
            projectId: ctx.projectId,
            title: `发布：车位信息公开第${ed.edition}版（${ctx.caller.name}提交）`,
            link: linkOf(ed),
            dueAt: ctx.now + 3 * DAY,
          },
    })
    if (!own) await tellOfSubmission(ctx, done)
    return done
  },

  async publish(ctx, { editionId, version }) {
    const ed = await editionOf(ctx, editionId)
    const before = await byStatus(ctx, 'published')
    const replaced = before && before._id !== ed._id ? before : null
    const done = await step<EditionStatus, ParkingEdition>(ctx, {
      collection: 'parking_editions',
      machine: EDITION_TRANSITIONS,
      event: 'publish',
      id: ed._id,
      version,
      patch: { publishedAt: ctx.now, publishedByName: ctx.caller.name },
      result: '已发布',
      audit: {
        targetType: TARGET,
        projectId: ctx.projectId,
        detail: { edition: ed.edition, ...(replaced ? { replaces: replaced.edition } : {}) },
      },
      // The edition published before leaves publicity in the same transaction.
      also: replaced
        ? async (tx) => {
            await move<EditionStatus, ParkingEdition>(
              tx,
              'parking_editions',
              EDITION_TRANSITIONS,
              'supersede',
              replaced._id,
              replaced.version,
              { supersededAt: ctx.now, supersededBy: ed.edition },
              ctx.now,
            )
            await ctx.audit(
              {
                action: 'supersede',
                label: '被新版替代',
                targetType: TARGET,
                targetId: replaced._id,
                projectId: ctx.projectId,
                detail: { edition: replaced.edition, by: ed.edition },
              },
              tx,
            )
          }
        : undefined,
    })
    await tellSubmitter(ctx, done, '已发布')
    return done
  },

  async cancel(ctx, { editionId, version, reason }) {
    const ed = await editionOf(ctx, editionId)
    const done = await step<EditionStatus, ParkingEdition>(ctx, {
      collection: 'parking_editions',
      machine: EDITION_TRANSITIONS,
      event: 'cancel',
      id: ed._id,
      version,
      patch: { cancelledAt: ctx.now, cancelledByName: ctx.caller.name, cancelReason: reason },
      result: `已取消：${reason}`,
      audit: {
        targetType: TARGET,
        projectId: ctx.projectId,
        comment: reason,
        detail: { edition: ed.edition, was: ed.status },
      },
    })
    await tellSubmitter(ctx, done, '已取消', reason)
    return done
  },
})
