import { View } from '@tarojs/components'
import { useContext } from 'react'
import { DISPUTE_TYPES, RELIEF_MEASURES, TEXT_MAX } from '../../../../types/parking'
import { Chips, DateOf, FieldsContext, Num, Txt } from './fields'
import SpacesStep from './SpacesStep'

/** Step 1, 土地与预售. */
function LandStep() {
  return (
    <>
      <DateOf path="landTransferDate" label="土地出让时间" />
      <DateOf path="earliestPresaleDate" label="房屋最早预售时间" />
    </>
  )
}

/** Step 3, 停车卡办理情况. */
function CardsStep() {
  return (
    <>
      <Txt path="managementUnit" label="停车管理单位" max={TEXT_MAX.unit} />
      <Num path="cards.issued" label="已办理停车卡数" unit="张" />
      <Num path="cards.monthlyFee" label="月卡收费标准" unit="元/月" />
      <Txt
        path="cards.tempFee"
        label="临时停车收费标准"
        max={TEXT_MAX.fee}
        placeholder="如：首小时5元，之后每小时2元"
      />
      <Txt
        path="cards.howToApply"
        label="停车卡办理方式"
        max={TEXT_MAX.apply}
        long
        placeholder="办理地点、所需材料、办理时间"
      />
    </>
  )
}

/** Step 4, 新能源充电桩情况. */
function ChargersStep() {
  return (
    <>
      <Num path="chargers.count" label="充电桩数量" unit="个" />
      <Txt path="chargers.builder" label="建设单位" max={TEXT_MAX.unit} hint="没有请填写“无”" />
      <Txt
        path="chargers.operator"
        label="运营维保单位"
        max={TEXT_MAX.unit}
        hint="没有请填写“无”"
      />
    </>
  )
}

/** Step 5, 车位纠纷情况: optional, but a type needs its text. */
function DisputeStep() {
  const { draft } = useContext(FieldsContext)!
  return (
    <>
      <View className="pk-note">近期没有车位纠纷可不填；有则先选择纠纷类型，再填写纠纷情况。</View>
      <Chips
        path="dispute.type"
        label="纠纷类型"
        options={DISPUTE_TYPES.map((t) => [t, t] as const)}
        clearable
        required={false}
      />
      <Txt
        path="dispute.text"
        label="纠纷情况"
        max={TEXT_MAX.dispute}
        long
        required={!!draft.dispute?.type}
        placeholder="纠纷的时间、涉及车位及处理情况"
      />
    </>
  )
}

const YES_NO = [
  [true, '是'],
  [false, '否'],
] as const

/** Step 6, 缓解停车情况: 是 opens the measures and their note. */
function ReliefStep() {
  const relief = useContext(FieldsContext)!.draft.relief ?? {}
  return (
    <>
      <Chips path="relief.adopted" label="是否采取缓解停车措施" options={YES_NO} />
      {relief.adopted ? (
        <>
          <Chips
            path="relief.measures"
            label="已采取的措施（可多选）"
            options={RELIEF_MEASURES.map((m) => [m, m] as const)}
            multi
          />
          <Txt
            path="relief.note"
            label="措施说明"
            max={TEXT_MAX.note}
            long
            required={(relief.measures ?? []).includes('其他措施')}
            placeholder="选择“其他措施”时请说明"
          />
        </>
      ) : null}
    </>
  )
}

/** The six steps, in the manual's order (PARKING_SECTIONS). */
export const STEPS = [LandStep, SpacesStep, CardsStep, ChargersStep, DisputeStep, ReliefStep]

/** The steps' short names on the step bar. */
export const STEP_NAMES = ['土地', '车位', '停车卡', '充电桩', '纠纷', '缓解']
