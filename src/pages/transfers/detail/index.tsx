import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { cstDate, cstDateTime, formatFen } from '../../../../types/display'
import { TransfersContract } from '../../../../types/transfers'
import CloudView from '../../../components/CloudView'
import ModuleGate from '../../../components/ModuleGate'
import { call } from '../../../services/api'
import { Card, Rows, Tag } from '../../../components/InfoCard'
import { useTabCall } from '../../../hooks/useTabCall'

/** One published transfer: the money, who received it and why, who approved it, its publicity. */
function TransferDetail({ transferId, projectId }: { transferId: string; projectId?: string }) {
  const state = useTabCall(() => call(TransfersContract, 'detail', { projectId, transferId }))
  return (
    <CloudView state={state}>
      {(t) => (
        <>
          <Card testId="transfer-detail">
            <View className="kit-card__tags">
              <Tag>{t.accountKind}</Tag>
            </View>
            <Text className="kit-card__title">{t.purpose}</Text>
            <View className="kit-balance">
              <Text className="kit-balance__label">转账金额</Text>
              <Text className="kit-balance__value" data-testid="transfer-detail-amount">
                {formatFen(t.amount)}
              </Text>
            </View>
            <Rows
              rows={[
                ['公示编号', t.no],
                ['转账日期', cstDate(t.at)],
                ['资金来源', t.accountKind],
                ['收款单位', t.payee],
                ['开户银行', t.payeeBank],
                ['收款账号', t.payeeAccount],
                ['经办人', t.handledBy],
              ]}
            />
          </Card>
          <Card title="审批情况" testId="transfer-approval">
            <Rows
              rows={[
                ['决定机构', t.approval.by],
                ['决定日期', t.approval.decidedAt],
                ['表决结果', t.approval.result],
                ['依据', t.approval.ref],
              ]}
            />
          </Card>
          <Card title="公示情况" testId="transfer-publicity">
            <Rows
              rows={[
                ['公示期', `${t.publicity.from} 至 ${t.publicity.to}`],
                ['发布时间', cstDateTime(t.publishedAt)],
                ['公示材料', t.documents.join('、')],
              ]}
            />
          </Card>
        </>
      )}
    </CloudView>
  )
}

export default function TransferDetailPage() {
  const { params } = useRouter()
  const transferId = params.transferId ? decodeURIComponent(params.transferId) : ''
  return (
    <View className="page transfers-page">
      <ModuleGate code="transfers" switcher={false}>
        {(s) => (
          <TransferDetail key={s.projectId ?? ''} transferId={transferId} projectId={s.projectId} />
        )}
      </ModuleGate>
    </View>
  )
}
