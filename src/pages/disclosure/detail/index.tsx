import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { DisclosureContract, type NoticeDetail } from '../../../../types/disclosure'
import CloudView from '../../../components/CloudView'
import { useConfirm } from '../../../components/ConfirmDialog'
import { modulePage } from '../../../components/ModuleGate'
import { useDesktop } from '../../../hooks/useDesktop'
import { useRouteParam } from '../../../hooks/useRouteParam'
import { useModuleAction } from '../../../hooks/useModuleAction'
import { useModuleCall } from '../../../hooks/useModuleCall'
import { usePullToRefresh } from '../../../hooks/usePageRefresh'
import { dateTime } from '../format'
import ReasonDialog from '../../../components/ReasonDialog'
import { Actions, Attachments, SideMeta, Tags, Trail, VoidReason, type Shown } from './parts'
import '../disclosure.scss'

/** Title and content; on a phone with the tags and who, when and how long above the content. */
function Body({ n, desktop }: { n: Shown; desktop: boolean }) {
  return (
    <View className="card dc-detail">
      {desktop ? null : <Tags n={n} />}
      <Text className="dc-detail__title" data-testid="detail-title">
        {n.title}
      </Text>
      {desktop ? null : (
        <>
          <Text className="dc-detail__meta">
            {n.publishedByName} 发布于 {dateTime(n.publishedAt)}
          </Text>
          <Text className="dc-detail__meta">
            有效期：{n.validFrom} 至 {n.validUntil}
          </Text>
          <VoidReason n={n} />
        </>
      )}
      <Text className="dc-detail__content" userSelect>
        {n.content}
      </Text>
    </View>
  )
}

function DetailBody({ projectId }: { projectId: string | undefined }) {
  const noticeId = useRouteParam('noticeId')
  const detail = useModuleCall(DisclosureContract, 'detail', { projectId, noticeId })
  const { busy, run } = useModuleAction()
  const { dialog, ask } = useConfirm()
  const [voiding, setVoiding] = useState(false)
  const desktop = useDesktop()
  usePullToRefresh(detail.reload)
  // Refused because the notice moved meanwhile: the page shows where it stands now.
  const onStale = detail.reload

  const doVoid = async (d: NoticeDetail, reason: string) => {
    const input = { projectId, noticeId: d.notice._id, version: d.notice.version, reason }
    await run(DisclosureContract, 'void', input, {
      done: '已作废',
      after: detail.reload,
      onStale,
    })
    setVoiding(false)
  }

  const doRemove = async (d: NoticeDetail) => {
    const ok = await ask({
      title: '删除信息公开',
      content: `“${d.notice.title}”将从列表和统计中删除（操作记录保留）。仅用于删除填写错误的信息；已过期的请作废。确定删除？`,
      confirmText: '删除',
      danger: true,
    })
    if (!ok) return
    const input = {
      projectId,
      noticeId: d.notice._id,
      version: d.notice.version,
      confirm: true as const,
    }
    const r = await run(DisclosureContract, 'remove', input, { done: '已删除', onStale })
    if (r.ok)
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/pages/disclosure/index' }))
  }

  return (
    <CloudView state={detail}>
      {(d) => {
        const n = d.notice
        const actions = (
          <Actions
            d={d}
            busy={busy}
            onVoid={() => setVoiding(true)}
            onRemove={() => void doRemove(d)}
          />
        )
        return (
          <View data-testid="notice-detail" data-state={n.state}>
            {desktop ? (
              // A computer: the notice at a reading width, its facts and actions beside it.
              <View className="dc-detail-layout">
                <View className="dc-detail-layout__main">
                  <Body n={n} desktop />
                  <Attachments list={n.attachments} urls={d.urls} />
                </View>
                <View className="dc-detail-layout__side">
                  <SideMeta n={n} actions={actions} />
                  <Trail rows={d.trail} />
                </View>
              </View>
            ) : (
              <>
                <Body n={n} desktop={false} />
                <Attachments list={n.attachments} urls={d.urls} />
                {actions}
                <Trail rows={d.trail} />
              </>
            )}
            <ReasonDialog
              open={voiding}
              title="作废信息公开"
              prompt="作废后仍在列表中显示，标记为已作废。"
              placeholder="请填写作废原因，如：信息已过期"
              confirmText="确定作废"
              max={200}
              busy={busy}
              onCancel={() => setVoiding(false)}
              onConfirm={(reason) => void doVoid(d, reason)}
            />
            {dialog}
          </View>
        )
      }}
    </CloudView>
  )
}

/** One notice: its content, attachments and trail; 作废 or 删除 it. */
export default modulePage('disclosure', DetailBody, { className: 'disclosure', switcher: false })
