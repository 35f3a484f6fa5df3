/**
 * 信息公开 (manual §8). Members of a project holding the module publish notices to its owners,
 * with attachments (images and PDF) in cloud storage at places this function hands out, so a
 * notice can name only its publisher's own uploads. A notice is 已过期 after its validity; 作废
 * keeps it listed as voided; 删除 takes it out of the list and the statistics (the audit trail
 * keeps what it was). Each move is one transaction with its audit row.
 */
import { randomBytes } from 'node:crypto'
import type { Account } from '../../types/account'
import {
  ATTACHMENT_KINDS,
  chinaDay,
  dayEnd,
  dayStart,
  DisclosureContract,
  monthStartDay,
  NOTICE_CATEGORIES,
  NOTICE_PAGE_SIZE,
  NOTICE_TRANSITIONS,
  validityErrors,
  type Notice,
  type NoticeCategory,
  type NoticeRow,
  type NoticeState,
  type NoticeStatus,
} from '../../types/disclosure'
import { AppError } from '../../types/errors'
import type { AuditRow } from '../../types/permissions'
import {
  _,
  db,
  defineFunction,
  first,
  inTransaction,
  list,
  txGet,
  type Ctx,
} from '../../server/kernel'
import { step } from '../todos/api'
import { keepUpload, newSlot, ownedSlots, receivePart, urlsOf, type Slot } from './attachments'

const VISIBLE: NoticeStatus[] = ['published', 'voided']
const notices = () => db.collection('notices')

function stateOf(n: Pick<Notice, 'status' | 'expiresAt'>, at: number): NoticeState {
  if (n.status === 'voided') return 'voided'
  return at >= n.expiresAt ? 'expired' : 'active'
}

async function count(where: object): Promise<number> {
  const res = (await notices().where(where).count()) as { total: number }
  return res.total
}

/** A listed notice of the caller's project (a deleted one, or another project's, is not found). */
async function noticeOf(ctx: Ctx<Account>, id: string): Promise<Notice> {
  const n = await first<Notice>(
    notices().where({ _id: id, projectId: ctx.projectId, status: _.in(VISIBLE) }),
  )
  if (!n) throw new AppError('NOT_FOUND', '该信息不存在或已删除')
  return n
}

function stepOf(
  ctx: Ctx<Account>,
  n: Notice,
  event: keyof typeof NOTICE_TRANSITIONS,
  version: number,
  patch: Partial<Notice>,
  extra: { comment?: string; detail?: Record<string, unknown> } = {},
) {
  return step<NoticeStatus, Notice>(ctx, {
    collection: 'notices',
    machine: NOTICE_TRANSITIONS,
    event,
    id: n._id,
    version,
    patch,
    audit: {
      targetType: 'notice',
      projectId: ctx.projectId,
      ...(extra.comment ? { comment: extra.comment } : {}),
      detail: { title: n.title, category: n.category, ...extra.detail },
    },
  })
}

export const main = defineFunction(DisclosureContract, {
  async stats(ctx) {
    const monthStart = monthStartDay(ctx.now)
    const mine = { projectId: ctx.projectId }
    const [groups, expired, thisMonth] = await Promise.all([
      notices()
        .aggregate()
        .match({ ...mine, status: _.in(VISIBLE) })
        .group({
          _id: { category: '$category', status: '$status' },
          n: _.aggregate.sum(1),
        })
        .end() as Promise<{ list: { _id: { category: string; status: string }; n: number }[] }>,
      count({ ...mine, status: 'published', expiresAt: _.lte(ctx.now) }),
      count({ ...mine, status: _.in(VISIBLE), publishedAt: _.gte(dayStart(monthStart)) }),
    ])
    const sum = (pred: (g: { category: string; status: string }) => boolean) =>
      groups.list.filter((g) => pred(g._id)).reduce((s, g) => s + g.n, 0)
    const standing = sum((g) => g.status === 'published')
    const voided = sum((g) => g.status === 'voided')
    return {
      // One rule for the total and the categories: every notice published and not deleted.
      published: standing + voided,
      active: standing - expired,
      expired,
      voided,
      thisMonth,
      monthStart,
      byCategory: NOTICE_CATEGORIES.map((category) => ({
        category,
        count: sum((g) => g.category === category),
      })).filter((c) => c.count > 0),
    }
  },

  async list(ctx, { category, state, from, to, page, sort }) {
    if (from && to && from > to) {
      throw new AppError('BAD_INPUT', '结束日期不能早于开始日期', {
        to: '结束日期不能早于开始日期',
      })
    }
    const status = state === 'voided' ? 'voided' : state ? 'published' : _.in(VISIBLE as string[])
    const expiry =
      state === 'active'
        ? { expiresAt: _.gt(ctx.now) }
        : state === 'expired'
          ? { expiresAt: _.lte(ctx.now) }
          : {}
    const range =
      from && to
        ? _.gte(dayStart(from)).and(_.lt(dayEnd(to)))
        : from
          ? _.gte(dayStart(from))
          : to
            ? _.lt(dayEnd(to))
            : undefined
    const selected = notices().where({
      projectId: ctx.projectId,
      ...(category ? { category } : {}),
      status,
      ...expiry,
      ...(range ? { publishedAt: range } : {}),
    })
    // A table's header asks for the whole list in its order; _id breaks ties in it and in the
    // list's own order (many notices share a 有效期至), so a page starts where the one before it
    // ended.
    const ordered = sort
      ? selected.orderBy(sort.by, sort.order).orderBy('_id', sort.order)
      : selected.orderBy('publishedAt', 'desc').orderBy('_id', 'desc')
    const rows = await list<Omit<Notice, 'content'>>(
      ordered
        .skip(page * NOTICE_PAGE_SIZE)
        .limit(NOTICE_PAGE_SIZE + 1)
        .field({ content: false }),
    )
    const page0: NoticeRow[] = rows
      .slice(0, NOTICE_PAGE_SIZE)
      .map((n) => ({ ...n, state: stateOf(n, ctx.now) }))
    return { rows: page0, more: rows.length > NOTICE_PAGE_SIZE }
  },

  async detail(ctx, { noticeId }) {
    const n = await noticeOf(ctx, noticeId)
    const [urls, trail] = await Promise.all([
      urlsOf(n.attachments.map((a) => a.fileID)),
      list<AuditRow>(
        db
          .collection('audit_log')
          .where({ projectId: ctx.projectId, targetId: noticeId })
          .orderBy('at', 'desc')
          .limit(50)
          .field({ actorOpenid: false, fn: false }),
      ),
    ])
    return { notice: { ...n, state: stateOf(n, ctx.now) }, urls, trail }
  },

  async attachmentSlot(ctx, { name, ext, size }) {
    return { cloudPath: await newSlot(ctx, { name, ext, size }) }
  },

  async uploadAttachment(ctx, { cloudPath, part, parts, dataBase64 }) {
    return receivePart(ctx, { cloudPath, part, parts, dataBase64 })
  },

  async keepAttachment(ctx, { cloudPath, fileID }) {
    return keepUpload(ctx, { cloudPath, fileID })
  },

  async publish(ctx, input) {
    const { category, title, content, validFrom, validUntil, attachments } = input
    const dates = validityErrors(validFrom, validUntil, chinaDay(ctx.now))
    if (Object.keys(dates).length) {
      throw new AppError('BAD_INPUT', Object.values(dates)[0], dates)
    }
    const slotOf = await ownedSlots(ctx, attachments)
    const id = randomBytes(12).toString('hex')
    const notice: Notice = {
      _id: id,
      projectId: ctx.projectId,
      category: category as NoticeCategory,
      title,
      content,
      validFrom,
      validUntil,
      expiresAt: dayEnd(validUntil),
      attachments: attachments.map((a, i) => ({
        fileID: a.fileID,
        name: a.name,
        kind: ATTACHMENT_KINDS[slotOf[i]!.ext],
        size: slotOf[i]!.size,
      })),
      status: 'published',
      version: 1,
      publishedAt: ctx.now,
      publishedBy: ctx.caller._id,
      publishedByName: ctx.caller.name,
      updatedAt: ctx.now,
    }
    await inTransaction(async (tx) => {
      for (const slot of slotOf) {
        // A slot serves one notice: two notices naming it at once cannot both take it.
        const now = await txGet<Slot>(tx, 'notice_uploads', slot!._id)
        if (now?.noticeId) {
          throw new AppError('BAD_INPUT', '附件已用于另一条信息，请重新上传', {
            attachments: '附件已用于另一条信息',
          })
        }
        await tx
          .collection('notice_uploads')
          .doc(slot!._id)
          .update({ data: { noticeId: id } })
      }
      await tx.collection('notices').add({ data: { ...notice } })
      await ctx.audit(
        {
          targetType: 'notice',
          targetId: id,
          projectId: ctx.projectId,
          detail: { title, category, attachments: attachments.length },
        },
        tx,
      )
    })
    return notice
  },

  async void(ctx, { noticeId, version, reason }) {
    const n = await noticeOf(ctx, noticeId)
    return stepOf(
      ctx,
      n,
      'void',
      version,
      { voidedAt: ctx.now, voidedByName: ctx.caller.name, voidReason: reason },
      { comment: reason },
    )
  },

  async remove(ctx, { noticeId, version }) {
    const n = await noticeOf(ctx, noticeId)
    await stepOf(
      ctx,
      n,
      'remove',
      version,
      { deletedAt: ctx.now, deletedByName: ctx.caller.name },
      {
        detail: {
          publishedAt: n.publishedAt,
          publishedByName: n.publishedByName,
          validUntil: n.validUntil,
          attachments: n.attachments.map((a) => a.name),
        },
      },
    )
    return { noticeId }
  },
})
