import Taro from '@tarojs/taro'
import type { Session } from '../../../../types/account'
import { AppError } from '../../../../types/errors'
import { SafetyContract, type CheckItem } from '../../../../types/safety'
import type { Ask } from '../../../components/ConfirmDialog'
import { fieldsUnder, useRequestId, useSubmitting } from '../../../hooks/useDraftForm'
import { call } from '../../../services/api'
import { askForNotices } from '../../../services/subscribe'
import { toast } from '../../../services/toast'
import { useSession } from '../../../session'
import { storeUnsaved } from '../answers'
import type { CheckDraft } from './useCheckDraft'

/** The DOM/WXML id of an item's block (the sticky bar jumps to it). */
export const anchor = (itemId: string) => `check-item-${itemId}`

export function jumpTo(id: string) {
  void Taro.pageScrollTo({ selector: `#${anchor(id)}`, offsetTop: -72, duration: 300 }).catch(
    () => undefined,
  )
}

/** An item as a refusal names it: its code and the start of its text. */
function itemName(item: CheckItem): string {
  const chars = [...item.text]
  return `${item._id}「${chars.length > 10 ? `${chars.slice(0, 10).join('')}…` : item.text}」`
}

interface Options {
  projectId: string | undefined
  session: Session
  ask: Ask
  /** Photos still uploading: 提交 waits for them. */
  uploading: boolean
  onReload: () => void
}

/**
 * 提交: every item checked on the phone (the first open one named and scrolled to), every
 * answer saved, then submitted with a request id kept across retries.
 */
export function useCheckSubmit(d: CheckDraft, o: Options) {
  const { refreshOnAccessError } = useSession()
  const request = useRequestId()
  const { busy: submitting, run } = useSubmitting()
  const { form, items } = d

  const send = async () => {
    if (!(await form.saveAll())) {
      if (!d.reloading()) toast.info('有未保存的项，请重试')
      return
    }
    const version = d.version.current
    const requestId = request.forVersion(version)
    await call(SafetyContract, 'submit', {
      projectId: o.projectId,
      checkId: d.checkId,
      version,
      requestId,
    })
    request.done()
    storeUnsaved(o.projectId, d.checkId, { answers: {}, urls: {} })
    toast.success('已提交')
    o.onReload()
  }

  const failed = (err: unknown) => {
    // The items the server names as not answered (`answers.XF-07`).
    const missing = fieldsUnder(err, 'answers.')
    if (Object.keys(missing).length > 0) {
      form.setServerErrors(missing)
      toast.error(err)
      const first = items.find((i) => missing[i._id])
      if (first) jumpTo(first._id)
    } else if (
      err instanceof AppError &&
      ['CONFLICT', 'INVALID_STATE', 'NOT_FOUND'].includes(err.code)
    ) {
      d.reloadFor(err)
    } else if (!refreshOnAccessError(err)) {
      // NETWORK and the like: the same request id is sent again on the next tap.
      toast.error(err)
    }
  }

  const submit = async () => {
    if (submitting) return
    // Inside the tap, before any await: WeChat asks about the review-result notice only then.
    askForNotices([o.session.subscribe.reviewResult])
    const ids = items.map((i) => i._id)
    const found = form.check(ids)
    // The rule's message replaces the server's on the items it names.
    form.setServerErrors(Object.fromEntries(Object.keys(found).map((id) => [id, ''])))
    const open = items.filter((i) => found[i._id])
    if (open.length > 0) {
      // WeChat's toast holds about two lines: the item's code and the start of its text.
      toast.info(`未完成：${itemName(open[0])}${open.length > 1 ? `等${open.length}项` : ''}`)
      return jumpTo(open[0]._id)
    }
    if (o.uploading) return toast.info('照片正在上传，请稍候')
    const problems = items.filter((i) => form.valueOf(i._id)?.result === 'problem').length
    const ok = await o.ask({
      title: '提交检查',
      content: `共${items.length}项，其中${problems}项有问题。提交后由项目负责人确认，确认前不能修改。确定提交？`,
      confirmText: '提交',
    })
    if (!ok) return
    await run(send, failed)
  }

  return { submit, submitting }
}
