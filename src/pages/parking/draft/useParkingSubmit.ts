import Taro from '@tarojs/taro'
import type { Session } from '../../../../types/account'
import { ParkingContract } from '../../../../types/parking'
import { useConfirm } from '../../../components/ConfirmDialog'
import { fieldsUnder, useRequestId, useSubmitting } from '../../../hooks/useDraftForm'
import { call } from '../../../services/api'
import { askForNotices } from '../../../services/subscribe'
import { toast } from '../../../services/toast'
import { useSession } from '../../../session'
import { anchorOf, forSave, labelOf, sectionOf } from './paths'
import { movedOn, type ParkingDraftApi } from './useParkingDraft'

/**
 * 提交: every rule checked on the phone first (the first wrong field is shown: its step, scrolled
 * to, named in a toast), then the draft saved and submitted with a request id kept for retries.
 */
export function useParkingSubmit(
  d: ParkingDraftApi,
  projectId: string | undefined,
  session: Session,
) {
  const { refreshOnAccessError } = useSession()
  const { dialog, ask } = useConfirm()
  const request = useRequestId()
  const { busy, run } = useSubmitting()
  const manager = session.account?.role === 'manager'

  /** Shows the first wrong field: its step, scrolled to, named in a toast. */
  const showFirst = (found: Record<string, string>) => {
    const [path] = Object.keys(found)
    if (!path) return
    d.goTo(sectionOf(path))
    setTimeout(() => {
      void Taro.pageScrollTo({
        selector: `#${anchorOf(path.split('.').slice(0, 2).join('.'))}`,
        offsetTop: -96,
        duration: 200,
      }).catch(() => undefined)
    }, 80)
    const message = found[path]
    // The whole message is under the field; a toast names the field (and a short reason).
    toast.info(message.length <= 12 ? `${labelOf(path)}：${message}` : `请修改：${labelOf(path)}`)
  }

  const send = async () => {
    const { edition, form } = d
    if (!(await form.save('form', !edition.current.id))) return
    const version = edition.current.version
    const done = await call(ParkingContract, 'submit', {
      projectId,
      editionId: edition.current.id!,
      version,
      form: forSave(form.valueOf('form')!),
      requestId: request.forVersion(version),
    })
    request.done()
    toast.success('已提交')
    void Taro.redirectTo({ url: `/pages/parking/sheet/index?editionId=${done._id}&submitted=1` })
  }

  const failed = (err: unknown) => {
    const mine = fieldsUnder(err, 'form.')
    if (Object.keys(mine).length > 0) {
      d.form.setServerErrors(mine)
      showFirst(mine)
    } else if (movedOn(err)) d.reloadFor(err)
    // NETWORK and the like: the same request id goes again on the next tap.
    else if (!refreshOnAccessError(err)) toast.error(err)
  }

  const submit = async () => {
    if (busy) return
    // Inside the tap, before any await: WeChat asks about the result notice only then.
    if (!manager) askForNotices([session.subscribe.reviewResult])
    const found = d.form.check('all')
    if (Object.keys(found).length > 0) return showFirst(found)
    const ok = await ask({
      title: `提交第${d.edition.current.number}版`,
      content: manager
        ? '提交后生成公示单，您可以立即发布。确定提交？'
        : '提交后生成公示单，由项目负责人发布；发布或取消前不能修改。确定提交？',
      confirmText: '提交',
    })
    if (!ok) return
    await run(send, failed)
  }

  return { submit, busy, dialog, showFirst }
}
