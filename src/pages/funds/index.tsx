import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import { cstDate, formatCount, formatFen } from '../../../types/display'
import { FundsContract, type FundAccountView } from '../../../types/funds'
import CloudView from '../../components/CloudView'
import ModuleGate from '../../components/ModuleGate'
import { call } from '../../services/api'
import { COLORS } from '../../styles/colors'
import { Card, Empty, Tag } from '../../components/InfoCard'
import { useTabCall } from '../../hooks/useTabCall'
import './index.scss'

export const accountPage = (accountId: string) =>
  `/pages/funds/account/index?accountId=${encodeURIComponent(accountId)}`

function AccountCard({ a }: { a: FundAccountView }) {
  return (
    <View
      className="account-card"
      data-testid="fund-account"
      data-account-id={a._id}
      onClick={() => void Taro.navigateTo({ url: accountPage(a._id) })}
    >
      <View className="account-card__head">
        <Tag>{a.kind}</Tag>
        <Text className="account-card__update">最后更新 {cstDate(a.updatedAt)}</Text>
      </View>
      <Text className="account-card__name">{a.name}</Text>
      <Text className="account-card__line">
        {a.bank} · {a.accountNo}
      </Text>
      <View className="account-card__foot">
        <View className="kit-balance">
          <Text className="kit-balance__label">余额</Text>
          <Text className="kit-balance__value" data-testid="fund-account-balance">
            {formatFen(a.balance)}
          </Text>
        </View>
        <View className="account-card__more">
          <Text>收支明细</Text>
          <AtIcon value="chevron-right" size="16" color={COLORS.primary} />
        </View>
      </View>
    </View>
  )
}

/**
 * 共有资金情况 (manual §5): every common-fund account of the project with its bank, masked
 * number, balance and last update, and their sum; a tap opens the account's movements.
 */
function FundsBody({ projectId }: { projectId: string | undefined }) {
  const state = useTabCall(() => call(FundsContract, 'accounts', { projectId }))
  return (
    <CloudView state={state}>
      {({ rows, total }) =>
        rows.length === 0 ? (
          <Empty title="暂无共有资金账户" description="平台暂无该项目的共有资金账户记录" />
        ) : (
          <>
            <Card testId="funds-total">
              <View className="kit-balance">
                <Text className="kit-balance__label">
                  共有资金合计（{formatCount(rows.length)} 个账户）
                </Text>
                <Text className="kit-balance__value" data-testid="funds-total-value">
                  {formatFen(total)}
                </Text>
              </View>
            </Card>
            {rows.map((a) => (
              <AccountCard key={a._id} a={a} />
            ))}
          </>
        )
      }
    </CloudView>
  )
}

export default function FundsPage() {
  return (
    <View className="page funds-page">
      <ModuleGate code="funds">
        {(s) => <FundsBody key={s.projectId ?? ''} projectId={s.projectId} />}
      </ModuleGate>
    </View>
  )
}
