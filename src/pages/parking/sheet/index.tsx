import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton } from 'taro-ui'
import type { Session } from '../../../../types/account'
import {
  EDITION_STATUS_LABELS,
  ParkingContract,
  type EditionDetail,
} from '../../../../types/parking'
import CloudView from '../../../components/CloudView'
import { useConfirm } from '../../../components/ConfirmDialog'
import { modulePage } from '../../../components/ModuleGate'
import { useDesktop } from '../../../hooks/useDesktop'
import { useRouteParam } from '../../../hooks/useRouteParam'
import { newRequestId } from '../../../services/requestId'
import { useModuleAction } from '../../../hooks/useModuleAction'
import { useModuleCall } from '../../../hooks/useModuleCall'
import { usePullToRefresh } from '../../../hooks/usePageRefresh'
import ReasonDialog from '../../../components/ReasonDialog'
import Sheet from '../Sheet'
import Trail from '../Trail'
import '../parking.scss'

function SheetBody({ projectId, session }: { projectId: string | undefined; session: Session }) {
  const editionId = useRouteParam('editionId')
  const justSubmitted = useRouter().params.submitted === '1'
  const detail = useModuleCall(ParkingContract, 'edition', { projectId, editionId })
  const { busy, run } = useModuleAction()
  const { dialog, ask } = useConfirm()
  const [cancelling, setCancelling] = useState(false)
  const desktop = useDesktop()
  const [publishRequest] = useState(newRequestId)
  usePullToRefresh(detail.reload)
  const projectName = session.projects.find((p) => p._id === projectId)?.name
  // Done or refused because the edition moved meanwhile: the sheet shows where it stands now.
  const reload = { after: detail.reload, onStale: detail.reload }

  const publish = async (d: EditionDetail) => {
    const e = d.edition
    const ok = await ask({
      title: `发布第${e.edition}版`,
      content:
        e.edition > 1
          ? '发布后公示此版车位信息，并替换正在公示的版本。'
          : '发布后公示此版车位信息。',
      confirmText: '发布',
    })
    if (!ok) return
    const input = { projectId, editionId: e._id, version: e.version, requestId: publishRequest }
    await run(ParkingContract, 'publish', input, { done: '已发布', ...reload })
  }

  const cancel = async (d: EditionDetail, reason: string) => {
    const input = { projectId, editionId: d.edition._id, version: d.edition.version, reason }
    await run(ParkingContract, 'cancel', input, { done: '已取消公示', ...reload })
    setCancelling(false)
  }

  return (
    <CloudView state={detail}>
      {(d) => {
        const e = d.edition
        const canAct = d.canPublish && (e.status === 'submitted' || e.status === 'published')
        return (
          <View className="pk-sheet-page" data-testid="parking-sheet-page">
            {justSubmitted && e.status === 'submitted' ? (
              <View className="pk-banner" data-testid="submitted-banner">
                <Text>
                  {d.canPublish
                    ? '已提交。请核对公示单，确认无误后发布。'
                    : '已提交，公示单如下，等待项目负责人发布。'}
                </Text>
              </View>
            ) : null}
            {e.status === 'submitted' && !d.canPublish && !justSubmitted ? (
              <View className="pk-banner" data-testid="awaiting-banner">
                <Text>等待项目负责人发布或取消。</Text>
              </View>
            ) : null}
            <Sheet edition={e} projectName={projectName} />
            {canAct ? (
              // Under a sheet of 25 rows: kept in view at the screen's bottom while it is read (on
              // a computer, above the sheet under the header: parking-desktop.scss).
              <View className="pk-actions pk-actions--sticky" data-testid="sheet-actions">
                {desktop ? (
                  // The bar stands above the sheet there: it names what its buttons act on.
                  <Text className="pk-actions__what">
                    第{e.edition}版 · {EDITION_STATUS_LABELS[e.status]}
                  </Text>
                ) : null}
                {e.status === 'submitted' ? (
                  <View className="pk-actions__btn" data-testid="publish-parking">
                    <AtButton
                      type="primary"
                      loading={busy}
                      disabled={busy}
                      onClick={() => void publish(d)}
                    >
                      发布
                    </AtButton>
                  </View>
                ) : null}
                <View className="pk-actions__btn" data-testid="cancel-parking">
                  <AtButton
                    className="action-danger"
                    disabled={busy}
                    onClick={() => setCancelling(true)}
                  >
                    {e.status === 'submitted' ? '取消' : '取消公示'}
                  </AtButton>
                </View>
              </View>
            ) : null}
            {e.status === 'draft' ? (
              <View className="pk-actions">
                <View className="pk-actions__btn">
                  <AtButton
                    type="primary"
                    onClick={() => void Taro.redirectTo({ url: '/pages/parking/form/index' })}
                  >
                    继续填写
                  </AtButton>
                </View>
              </View>
            ) : null}
            <Trail rows={d.trail} />
            <ReasonDialog
              open={cancelling}
              title={e.status === 'submitted' ? '取消发布' : '取消公示'}
              prompt={`第${e.edition}版将${e.status === 'submitted' ? '不予发布' : '撤下公示'}，原因会告知提交人。`}
              placeholder="请填写取消原因"
              confirmText="确定取消"
              max={200}
              busy={busy}
              onCancel={() => setCancelling(false)}
              onConfirm={(reason) => void cancel(d, reason)}
            />
            {dialog}
          </View>
        )
      }}
    </CloudView>
  )
}

/** 公示单: one edition as the public sees it; a manager publishes or cancels it here. */
export default modulePage('parking', SheetBody, { className: 'parking', switcher: false })
