import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { cstDate, cstDateTime, cstMonth, formatCount, formatFen } from '../../../../types/display'
import {
  DIRECTION_LABELS,
  FundsContract,
  type Direction,
  type FundAccountView,
  type FundMovement,
  type FundTotals,
  type MovementSort,
} from '../../../../types/funds'
import CloudView from '../../../components/CloudView'
import EmptyState from '../../../components/EmptyState'
import { modulePage } from '../../../components/ModuleGate'
import { useRouteParam } from '../../../hooks/useRouteParam'
import PagedList, { type ListColumn } from '../../../components/PagedList'
import { call } from '../../../services/api'
import { Balance, Card, Rows, Stats, Tag } from '../../../components/InfoCard'
import { useModuleCall } from '../../../hooks/useModuleCall'

/** The months from the account's opening to now, newest first (2026-11, 2026-10 …). */
function monthsSince(openedAt: number, now: number): string[] {
  const out: string[] = []
  const [y, m] = cstMonth(now).split('-').map(Number)
  const first = cstMonth(openedAt)
  for (let i = 0; i < 240; i++) {
    const month = y * 12 + (m - 1) - i
    const key = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
    if (key < first) break
    out.push(key)
  }
  return out
}

function MovementRow({ m }: { m: FundMovement }) {
  return (
    <View className="kit-list-row" data-testid="movement" data-direction={m.direction}>
      <View className="kit-list-row__head">
        <Text className="kit-list-row__title">{m.purpose}</Text>
        <Text className={`kit-money kit-money--${m.direction}`} data-testid="movement-amount">
          {m.direction === 'in' ? '+' : '-'}
          {formatFen(m.amount)}
        </Text>
      </View>
      <Text className="kit-list-row__line">
        {DIRECTION_LABELS[m.direction]} · {m.counterparty}
      </Text>
      <Text className="kit-list-row__line">
        {cstDateTime(m.at)} · 余额 {formatFen(m.balanceAfter)}
      </Text>
    </View>
  )
}

/**
 * 金额 in the table: the movement's size in its direction's colour, without a sign — 收支 says
 * which way — as its header orders it: by size, 收入 and 支出 alike (what the function can order).
 */
const size = (m: FundMovement) => (
  <Text className={`kit-money kit-money--${m.direction}`}>{formatFen(m.amount)}</Text>
)

/**
 * The computer's table of the movements (PagedList's columns); 时间 and 金额 order the whole list
 * (their sortKey, one of MovementSort's).
 */
const COLUMNS: readonly ListColumn<FundMovement, MovementSort['by']>[] = [
  {
    key: 'at',
    title: '时间',
    width: 1.3,
    render: (m) => cstDateTime(m.at),
    sortKey: 'at',
  },
  { key: 'purpose', title: '摘要', width: 2, render: (m) => m.purpose },
  { key: 'direction', title: '收支', width: 0.6, render: (m) => DIRECTION_LABELS[m.direction] },
  { key: 'counterparty', title: '对方户名', width: 1.8, render: (m) => m.counterparty },
  {
    key: 'amount',
    title: '金额',
    width: 1.2,
    align: 'end',
    render: size,
    sortKey: 'amount',
  },
  {
    key: 'balance',
    title: '余额',
    width: 1.2,
    align: 'end',
    render: (m) => formatFen(m.balanceAfter),
  },
]

function Totals({ totals, month }: { totals: FundTotals | null; month: string | undefined }) {
  return (
    <Card
      title={month ? `${month.replace('-', '年')}月合计` : '全部收支合计'}
      testId="movement-totals"
    >
      {totals ? (
        <Stats
          money
          items={[
            ['收入', formatFen(totals.in)],
            ['支出', formatFen(totals.out)],
            ['净额', formatFen(totals.in - totals.out)],
            ['笔数', formatCount(totals.count)],
          ]}
        />
      ) : (
        <Text className="kit-card__note">统计中…</Text>
      )}
    </Card>
  )
}

function Movements({ account, projectId }: { account: FundAccountView; projectId?: string }) {
  const [month, setMonth] = useState<string | undefined>(undefined)
  const [direction, setDirection] = useState<Direction | undefined>(undefined)
  const [totals, setTotals] = useState<FundTotals | null>(null)
  const key = `${month ?? 'all'}/${direction ?? 'both'}`
  const [now] = useState(() => Date.now())
  const months = monthsSince(account.openedAt, now)
  const choose = (m: string | undefined, d: Direction | undefined) => {
    setTotals(null)
    setMonth(m)
    setDirection(d)
  }
  return (
    <>
      <ScrollView scrollX className="kit-chips" data-testid="movement-months">
        {[undefined, ...months].map((m) => (
          <Text
            key={m ?? 'all'}
            className={`kit-chips__item${m === month ? ' kit-chips__item--on' : ''}`}
            data-testid={`month-${m ?? 'all'}`}
            onClick={() => choose(m, direction)}
          >
            {m ?? '全部月份'}
          </Text>
        ))}
      </ScrollView>
      <View className="kit-chips" data-testid="movement-directions">
        {([undefined, 'in', 'out'] as const).map((d) => (
          <Text
            key={d ?? 'both'}
            className={`kit-chips__item${d === direction ? ' kit-chips__item--on' : ''}`}
            data-testid={`direction-${d ?? 'both'}`}
            onClick={() => choose(month, d)}
          >
            {d ? DIRECTION_LABELS[d] : '全部收支'}
          </Text>
        ))}
      </View>
      <Totals totals={totals} month={month} />
      <PagedList<FundMovement, MovementSort['by']>
        testId="movements"
        resetKey={key}
        // A 时间 / 金额 header orders the whole list, from page 0; the totals stay the filter's.
        fetchPage={async (page, sort) => {
          const res = await call(FundsContract, 'movements', {
            projectId,
            accountId: account._id,
            month,
            direction,
            page,
            sort,
          })
          if (res.totals) setTotals(res.totals)
          return res
        }}
        keyOf={(m) => m._id}
        renderItem={(m) => <MovementRow m={m} />}
        columns={COLUMNS}
        empty={{ icon: 'money', title: month ? `${month} 暂无收支记录` : '暂无收支记录' }}
      />
    </>
  )
}

/**
 * One common-fund account: its bank, masked number and balance, then its movements newest
 * first, paged, by month and by direction, with the totals of what is chosen (all its pages).
 */
function AccountBody({ projectId }: { projectId?: string }) {
  const accountId = useRouteParam('accountId')
  const state = useModuleCall(FundsContract, 'accounts', { projectId })
  return (
    <CloudView state={state}>
      {({ rows }) => {
        const a = rows.find((r) => r._id === accountId)
        if (!a)
          return (
            <EmptyState icon="alert-circle" title="账户不存在" description="该账户不属于当前项目" />
          )
        return (
          <>
            <Card testId="account-head">
              <View className="kit-card__tags">
                <Tag>{a.kind}</Tag>
              </View>
              <Text className="kit-card__title">{a.name}</Text>
              <Balance label="当前余额" value={formatFen(a.balance)} testId="account-balance" />
              <Rows
                rows={[
                  ['开户银行', a.bank],
                  ['账号', a.accountNo],
                  ['期初余额', formatFen(a.opening)],
                  ['开始记录', cstDate(a.openedAt)],
                  ['最后更新', cstDateTime(a.updatedAt)],
                ]}
              />
            </Card>
            <Movements account={a} projectId={projectId} />
          </>
        )
      }}
    </CloudView>
  )
}

export default modulePage('funds', AccountBody, { className: 'funds-page', switcher: false })
