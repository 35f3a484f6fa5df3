import { Text, View } from '@tarojs/components'
import { useContext } from 'react'
import {
  INCOME_RECIPIENTS,
  spacesPerHome,
  sumLines,
  TEXT_MAX,
  type IncomeRecipient,
  type SumLine,
} from '../../../../types/parking'
import { Chips, FieldsContext, Num, Txt } from './fields'

/** A sum of 车位基本信息 worked out as it is typed: right, pending, or by how much it is off. */
function SumCheck({ line }: { line: SumLine }) {
  const [a, b] = line.parts
  if (line.diff === null) {
    return (
      <View className="pk-sum pk-sum--pending" data-testid={`sum-${line.path}`} data-ok="pending">
        <Text>{line.label} = 车位总数（待填写）</Text>
      </View>
    )
  }
  const ok = line.diff === 0
  return (
    <View
      className={`pk-sum ${ok ? 'pk-sum--ok' : 'pk-sum--bad'}`}
      data-testid={`sum-${line.path}`}
      data-ok={ok ? 'true' : 'false'}
    >
      <Text>
        {a} + {b} = {a! + b!}
        {ok
          ? ` ✓ 与车位总数一致`
          : `，车位总数 ${line.total}，${line.diff > 0 ? '多' : '少'} ${Math.abs(line.diff)}`}
      </Text>
    </View>
  )
}

/** The three ways of splitting 车位总数, each two fields with their sum under them. */
const BLOCKS = [
  ['planned', ['counts.planned', '规划落地车位数'], ['counts.added', '新增车位数']],
  ['fixed', ['counts.fixed', '固定车位数'], ['counts.nonFixed', '非固定车位数']],
  ['underground', ['counts.underground', '地下车位数'], ['counts.aboveGround', '非地下车位数']],
] as const

/** Step 2, 车位基本信息: the totals, the three sums, 户均车位数 and spaces on shared land. */
export default function SpacesStep() {
  const { draft } = useContext(FieldsContext)!
  const lines = sumLines(draft)
  const perHome = spacesPerHome(draft)
  const shared = draft.sharedLand ?? {}
  const onShared = (shared.spaces ?? 0) > 0
  return (
    <>
      <Num path="homes" label="房屋总套数" unit="套" />
      <Num path="counts.total" label="车位总数" unit="个" />
      {BLOCKS.map(([name, [aPath, aLabel], [bPath, bLabel]], i) => (
        <View key={name} className="pk-group" data-testid={`group-${name}`}>
          <Num path={aPath} label={aLabel} unit="个" />
          <Num path={bPath} label={bLabel} unit="个" />
          <SumCheck line={lines[i]} />
        </View>
      ))}
      <View className="pk-derived" data-testid="per-home">
        <Text>
          户均车位数：
          {perHome === null
            ? '填写车位总数和房屋总套数后计算'
            : `${perHome}（车位总数 ÷ 房屋总套数）`}
        </Text>
      </View>
      <Num
        path="sharedLand.spaces"
        label="占用业主共有道路或场地的车位数"
        unit="个"
        hint="这些车位的收益依法归全体业主所有"
      />
      {onShared ? (
        <Chips
          path="sharedLand.incomeTo"
          label="其收益归属"
          options={Object.entries(INCOME_RECIPIENTS) as [IncomeRecipient, string][]}
        />
      ) : null}
      {onShared && shared.incomeTo && shared.incomeTo !== 'allOwners' ? (
        <Txt
          path="sharedLand.note"
          label="收益归属说明"
          max={TEXT_MAX.note}
          long
          placeholder="请说明收益归属及依据"
        />
      ) : null}
    </>
  )
}
