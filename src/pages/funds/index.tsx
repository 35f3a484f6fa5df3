import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import { cstDate, formatCount, formatFen } from '../../../types/display'
import { FundsContract, type FundAccountView } from '../../../types/funds'
import CloudView from '../../components/CloudView'
import { modulePage } from '../../components/ModuleGate'
import { COLORS } from '../../styles/colors'
import { Balance, Card, Empty, Tag } from '../../components/InfoCard'
import { useModuleCall } from '../../hooks/useModuleCall'
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
        <Balance label="余额" value={formatFen(a.balance)} testId="fund-account-balance" />
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
  const state = useModuleCall(FundsContract, 'accounts', { projectId })
  return (
    <CloudView state={state}>
      {({ rows, total }) =>
        rows.length === 0 ? (
          <Empty title="暂无共有资金账户" description="平台暂无该项目的共有资金账户记录" />
        ) : (
          <>
            <Card testId="funds-total">
              <Balance
                label={`共有资金合计（${formatCount(rows.length)} 个账户）`}
                value={formatFen(total)}
                testId="funds-total-value"
              />
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

export default modulePage('funds', FundsBody, { className: 'funds-page' })
