import Taro from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton } from 'taro-ui'
import { cstDate, formatCount, formatFen, parseYuan } from '../../../types/display'
import {
  filterErrors,
  LARGE_TRANSFER_FEN,
  TransfersContract,
  type TransferFilter,
  type TransferRow,
  type TransferSort,
} from '../../../types/transfers'
import { modulePage } from '../../components/ModuleGate'
import PagedList, { type ListColumn } from '../../components/PagedList'
import { call } from '../../services/api'
import { Card, Stats, Tag } from '../../components/InfoCard'
import './index.scss'

export const detailPage = (transferId: string) =>
  `/pages/transfers/detail/index?transferId=${encodeURIComponent(transferId)}`

const DAY = 86_400_000

/** Quick date ranges: [label, from, to] for today. */
function quickRanges(now: number): [string, string | undefined, string | undefined][] {
  const today = cstDate(now)
  const year = today.slice(0, 4)
  return [
    ['全部', undefined, undefined],
    ['近三个月', cstDate(now - 91 * DAY), today],
    ['近一年', cstDate(now - 365 * DAY), today],
    ['今年', `${year}-01-01`, today],
    ['去年', `${Number(year) - 1}-01-01`, `${Number(year) - 1}-12-31`],
  ]
}

interface FiltersProps {
  applied: TransferFilter
  onApply: (f: TransferFilter) => void
}

/** 转账日期 (quick ranges or two dates) and 金额 (in yuan, both ends included). */
function Filters({ applied, onApply }: FiltersProps) {
  const [from, setFrom] = useState(applied.from)
  const [to, setTo] = useState(applied.to)
  const [min, setMin] = useState('')
  const [max, setMax] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [now] = useState(() => Date.now())
  const today = cstDate(now)

  const apply = (next: { from?: string; to?: string }) => {
    const wrong: Record<string, string> = {}
    const minAmount = min.trim() ? parseYuan(min) : undefined
    const maxAmount = max.trim() ? parseYuan(max) : undefined
    if (minAmount === null) wrong.minAmount = '请输入金额，最多两位小数'
    if (maxAmount === null) wrong.maxAmount = '请输入金额，最多两位小数'
    const f: TransferFilter = {
      from: next.from,
      to: next.to,
      minAmount: minAmount ?? undefined,
      maxAmount: maxAmount ?? undefined,
    }
    Object.assign(wrong, filterErrors(f) ?? {})
    setErrors(wrong)
    if (Object.keys(wrong).length === 0) onApply(f)
  }
  const quick = (f?: string, t?: string) => {
    setFrom(f)
    setTo(t)
    apply({ from: f, to: t })
  }

  return (
    <View className="filters" data-testid="transfer-filters">
      <View className="kit-chips">
        {quickRanges(now).map(([label, f, t]) => (
          <Text
            key={label}
            className={`kit-chips__item${f === from && t === to ? ' kit-chips__item--on' : ''}`}
            data-testid={`range-${label}`}
            onClick={() => quick(f, t)}
          >
            {label}
          </Text>
        ))}
      </View>
      <View className="filters__row">
        <Picker
          className="filters__picker"
          mode="date"
          value={from ?? today}
          end={today}
          onChange={(e) => setFrom(e.detail.value)}
        >
          <Text
            className={`filters__date${from ? '' : ' filters__date--empty'}`}
            data-testid="date-from"
          >
            {from ?? '开始日期'}
          </Text>
        </Picker>
        <Text className="filters__sep">至</Text>
        <Picker
          className="filters__picker"
          mode="date"
          value={to ?? today}
          end={today}
          onChange={(e) => setTo(e.detail.value)}
        >
          <Text
            className={`filters__date${to ? '' : ' filters__date--empty'}`}
            data-testid="date-to"
          >
            {to ?? '结束日期'}
          </Text>
        </Picker>
      </View>
      {errors.to ? <Text className="filters__error">{errors.to}</Text> : null}
      <View className="filters__row">
        <Input
          className="filters__input"
          data-testid="min-amount"
          type="digit"
          placeholder="最低金额（元）"
          value={min}
          onInput={(e) => setMin(e.detail.value)}
        />
        <Text className="filters__sep">至</Text>
        <Input
          className="filters__input"
          data-testid="max-amount"
          type="digit"
          placeholder="最高金额（元）"
          value={max}
          onInput={(e) => setMax(e.detail.value)}
        />
      </View>
      {errors.minAmount || errors.maxAmount ? (
        <Text className="filters__error" data-testid="amount-error">
          {errors.minAmount ?? errors.maxAmount}
        </Text>
      ) : null}
      <View className="filters__actions">
        <View className="filters__action" data-testid="filter-reset">
          <AtButton
            size="small"
            onClick={() => {
              setMin('')
              setMax('')
              setFrom(undefined)
              setTo(undefined)
              setErrors({})
              onApply({})
            }}
          >
            重置
          </AtButton>
        </View>
        <View className="filters__action" data-testid="filter-apply">
          <AtButton size="small" type="primary" onClick={() => apply({ from, to })}>
            查询
          </AtButton>
        </View>
      </View>
    </View>
  )
}

function TransferItem({ t }: { t: TransferRow }) {
  return (
    <View
      className="kit-list-row kit-list-row--link"
      data-testid="transfer"
      data-transfer-id={t._id}
      onClick={() => openDetail(t)}
    >
      <View className="kit-list-row__head">
        <Text className="kit-list-row__title">{t.purpose}</Text>
        <Text className="kit-money" data-testid="transfer-amount">
          {formatFen(t.amount)}
        </Text>
      </View>
      <View className="kit-list-row__tags">
        <Tag>{t.accountKind}</Tag> <Tag tone="muted">{`${t.approvedBy}决定`}</Tag>
      </View>
      <Text className="kit-list-row__line">收款单位：{t.payee}</Text>
      <Text className="kit-list-row__line">转账日期：{cstDate(t.at)}</Text>
      <Text className="kit-list-row__line">
        公示期：{t.publicity.from} 至 {t.publicity.to}
      </Text>
    </View>
  )
}

const openDetail = (t: TransferRow) => void Taro.navigateTo({ url: detailPage(t._id) })

/** The computer's table (PagedList's columns); a row opens the details. */
const COLUMNS: readonly ListColumn<TransferRow, TransferSort['by']>[] = [
  { key: 'purpose', title: '用途', width: 2, render: (t) => t.purpose },
  { key: 'account', title: '账户', render: (t) => t.accountKind },
  { key: 'approvedBy', title: '决定', render: (t) => `${t.approvedBy}决定` },
  { key: 'payee', title: '收款单位', width: 1.8, render: (t) => t.payee },
  {
    key: 'at',
    title: '转账日期',
    render: (t) => cstDate(t.at),
    sortKey: 'at',
  },
  {
    key: 'publicity',
    title: '公示期',
    width: 1.6,
    render: (t) => `${t.publicity.from} 至 ${t.publicity.to}`,
  },
  {
    key: 'amount',
    title: '金额',
    width: 1.2,
    align: 'end',
    render: (t) => <Text className="kit-money">{formatFen(t.amount)}</Text>,
    sortKey: 'amount',
  },
]

/**
 * 大额资金转账 (manual §12): the project's published transfers of ¥50,000.00 or more out of its
 * common funds, newest first, filtered by date and amount, with how many and how much the filter
 * selects; a tap opens the details.
 */
function TransfersBody({ projectId }: { projectId: string | undefined }) {
  const [filter, setFilter] = useState<TransferFilter>({})
  const [totals, setTotals] = useState<{ count: number; amount: number } | null>(null)
  const key = JSON.stringify(filter)
  return (
    <>
      <Filters
        applied={filter}
        onApply={(f) => {
          if (JSON.stringify(f) === key) return
          setTotals(null)
          setFilter(f)
        }}
      />
      <Card testId="transfer-totals">
        {totals ? (
          <Stats
            money
            items={[
              ['转账笔数', formatCount(totals.count)],
              ['转账金额合计', formatFen(totals.amount)],
            ]}
          />
        ) : (
          <Text className="kit-card__note">统计中…</Text>
        )}
        <Text className="kit-card__note">
          单笔 {formatFen(LARGE_TRANSFER_FEN)} 及以上的转账予以公示
        </Text>
      </Card>
      <PagedList<TransferRow, TransferSort['by']>
        testId="transfers"
        resetKey={key}
        // A header orders the whole list (its sortKey, one of TransferSort's), from page 0; the
        // totals stay the filter's.
        fetchPage={async (page, sort) => {
          const res = await call(TransfersContract, 'list', {
            projectId,
            ...filter,
            page,
            sort,
          })
          if (res.totals) setTotals(res.totals)
          return res
        }}
        keyOf={(t) => t._id}
        renderItem={(t) => <TransferItem t={t} />}
        columns={COLUMNS}
        onRowClick={openDetail}
        empty={{
          icon: 'credit-card',
          title: key === '{}' ? '暂无大额资金转账记录' : '没有符合条件的转账记录',
        }}
      />
    </>
  )
}

export default modulePage('transfers', TransfersBody, { className: 'transfers-page' })
