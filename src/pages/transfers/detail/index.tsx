import { Text, View } from '@tarojs/components'
import { cstDate, cstDateTime, formatFen } from '../../../../types/display'
import { TransfersContract } from '../../../../types/transfers'
import CloudView from '../../../components/CloudView'
import { modulePage } from '../../../components/ModuleGate'
import { useRouteParam } from '../../../hooks/useRouteParam'
import { Balance, Card, Rows, Tag } from '../../../components/InfoCard'
import { useModuleCall } from '../../../hooks/useModuleCall'

/** One published transfer: the money, who received it and why, who approved it, its publicity. */
function TransferDetail({ projectId }: { projectId?: string }) {
  const transferId = useRouteParam('transferId')
  const state = useModuleCall(TransfersContract, 'detail', { projectId, transferId })
  return (
    <CloudView state={state}>
      {(t) => (
        <>
          <Card testId="transfer-detail">
            <View className="kit-card__tags">
              <Tag>{t.accountKind}</Tag>
            </View>
            <Text className="kit-card__title">{t.purpose}</Text>
            <Balance label="转账金额" value={formatFen(t.amount)} testId="transfer-detail-amount" />
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

export default modulePage('transfers', TransferDetail, {
  className: 'transfers-page',
  switcher: false,
})
