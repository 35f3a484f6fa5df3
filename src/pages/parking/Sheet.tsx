import { Text, View } from '@tarojs/components'
import {
  EDITION_STATUS_LABELS,
  INCOME_RECIPIENTS,
  spacesPerHome,
  type ParkingEdition,
} from '../../../types/parking'
import { formatCount } from '../../../types/display'
import { dateOnly } from './format'

type Value = string | number | null | undefined

/** A whole number with its thousands separators (1,200 个); anything else as it is. */
const shown = (v: Value, unit = '') =>
  v === null || v === undefined || v === ''
    ? '—'
    : `${typeof v === 'number' && Number.isInteger(v) ? formatCount(v) : v}${unit}`

function Row({ label, value, path }: { label: string; value: string; path: string }) {
  return (
    <View className="pk-sheet__row">
      <Text className="pk-sheet__label">{label}</Text>
      <Text className="pk-sheet__value" data-testid={`sheet-${path}`}>
        {value}
      </Text>
    </View>
  )
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View className="pk-sheet__section">
      <Text className="pk-sheet__section-title">{title}</Text>
      {children}
    </View>
  )
}

/**
 * The publicity sheet (公示单): the disclosure as the public sees it, in the manual's order, with
 * 户均车位数 worked out and 0 shown as 0.
 */
export default function Sheet({
  edition,
  projectName,
}: {
  edition: ParkingEdition
  projectName?: string
}) {
  const f = edition.form
  const c = f.counts ?? {}
  const shared = f.sharedLand ?? {}
  const cards = f.cards ?? {}
  const ch = f.chargers ?? {}
  const dispute = f.dispute ?? {}
  const relief = f.relief ?? {}
  const perHome = spacesPerHome(f)
  const income = shared.incomeTo ? INCOME_RECIPIENTS[shared.incomeTo] : null
  return (
    <View className="card pk-sheet" data-testid="parking-sheet" data-status={edition.status}>
      <View className="pk-sheet__head">
        <Text className="pk-sheet__title">{projectName ?? ''}车位信息公示</Text>
        <View className="pk-sheet__meta">
          <Text className="pk-sheet__edition">第{edition.edition}版</Text>
          <Text className={`pk-tag pk-tag--${edition.status}`} data-testid="sheet-status">
            {EDITION_STATUS_LABELS[edition.status]}
          </Text>
        </View>
      </View>

      <Section title="一、土地与预售">
        <Row label="土地出让时间" path="landTransferDate" value={shown(f.landTransferDate)} />
        <Row
          label="房屋最早预售时间"
          path="earliestPresaleDate"
          value={shown(f.earliestPresaleDate)}
        />
      </Section>

      <Section title="二、车位基本信息">
        <Row label="房屋总套数" path="homes" value={shown(f.homes, ' 套')} />
        <Row label="车位总数" path="counts.total" value={shown(c.total, ' 个')} />
        <Row label="规划落地车位数" path="counts.planned" value={shown(c.planned, ' 个')} />
        <Row label="新增车位数" path="counts.added" value={shown(c.added, ' 个')} />
        <Row label="固定车位数" path="counts.fixed" value={shown(c.fixed, ' 个')} />
        <Row label="非固定车位数" path="counts.nonFixed" value={shown(c.nonFixed, ' 个')} />
        <Row label="地下车位数" path="counts.underground" value={shown(c.underground, ' 个')} />
        <Row label="非地下车位数" path="counts.aboveGround" value={shown(c.aboveGround, ' 个')} />
        <Row label="户均车位数" path="perHome" value={shown(perHome)} />
        <Row
          label="占用业主共有道路或场地的车位"
          path="sharedLand.spaces"
          value={shown(shared.spaces, ' 个')}
        />
        {shared.spaces ? (
          <Row
            label="其收益归属"
            path="sharedLand.incomeTo"
            value={`${shown(income)}${shared.note ? `（${shared.note}）` : ''}`}
          />
        ) : null}
      </Section>

      <Section title="三、停车卡办理情况">
        <Row label="停车管理单位" path="managementUnit" value={shown(f.managementUnit)} />
        <Row label="已办理停车卡" path="cards.issued" value={shown(cards.issued, ' 张')} />
        <Row
          label="月卡收费标准"
          path="cards.monthlyFee"
          value={shown(cards.monthlyFee, ' 元/月')}
        />
        <Row label="临时停车收费标准" path="cards.tempFee" value={shown(cards.tempFee)} />
        <Row label="办理方式" path="cards.howToApply" value={shown(cards.howToApply)} />
      </Section>

      <Section title="四、新能源充电桩情况">
        <Row label="充电桩数量" path="chargers.count" value={shown(ch.count, ' 个')} />
        <Row label="建设单位" path="chargers.builder" value={shown(ch.builder)} />
        <Row label="运营维保单位" path="chargers.operator" value={shown(ch.operator)} />
      </Section>

      <Section title="五、车位纠纷情况">
        <Row
          label="纠纷情况"
          path="dispute"
          value={dispute.type ? `${dispute.type}：${dispute.text ?? ''}` : '无'}
        />
      </Section>

      <Section title="六、缓解停车情况">
        <Row
          label="是否采取缓解措施"
          path="relief.adopted"
          value={
            relief.adopted === null || relief.adopted === undefined
              ? '—'
              : relief.adopted
                ? '是'
                : '否'
          }
        />
        {relief.adopted ? (
          <Row
            label="已采取措施"
            path="relief.measures"
            value={`${(relief.measures ?? []).join('、') || '—'}${relief.note ? `（${relief.note}）` : ''}`}
          />
        ) : null}
      </Section>

      <View className="pk-sheet__foot">
        {edition.submittedByName ? (
          <Text className="pk-sheet__foot-line">
            提交：{edition.submittedByName} {dateOnly(edition.submittedAt)}
          </Text>
        ) : null}
        {edition.publishedByName ? (
          <Text className="pk-sheet__foot-line">
            发布：{edition.publishedByName} {dateOnly(edition.publishedAt)}
          </Text>
        ) : null}
        {edition.status === 'cancelled' ? (
          <Text
            className="pk-sheet__foot-line pk-sheet__foot-line--cancelled"
            data-testid="sheet-cancel-reason"
          >
            已于 {dateOnly(edition.cancelledAt)} 由{edition.cancelledByName}取消公示：
            {edition.cancelReason}
          </Text>
        ) : null}
        {edition.status === 'superseded' ? (
          <Text className="pk-sheet__foot-line">
            已于 {dateOnly(edition.supersededAt)} 被第{edition.supersededBy}版替代
          </Text>
        ) : null}
      </View>
    </View>
  )
}
