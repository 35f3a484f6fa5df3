import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { PARKING_SECTIONS } from '../../../../types/parking'
import { labelOf, sectionOf } from './paths'
import { STEP_NAMES } from './steps'

interface StepBarProps {
  step: number
  /** Fields with an error shown: their steps carry a red dot. */
  errors: Record<string, string>
  onStep: (n: number) => void
  /** The errors' line was tapped: show the first one. */
  onShowFirst: () => void
}

/** The six steps as tabs (a red dot on those with errors), and how many fields are still wrong. */
export function StepBar({ step, errors, onStep, onShowFirst }: StepBarProps) {
  const wrong = new Set(Object.keys(errors).map(sectionOf))
  const [first] = Object.keys(errors)
  return (
    <>
      <View className="pk-steps" data-testid="parking-steps">
        {PARKING_SECTIONS.map((title, i) => (
          <View
            key={title}
            className={`pk-steps__item${i === step ? ' pk-steps__item--on' : ''}${wrong.has(i) ? ' pk-steps__item--error' : ''}`}
            data-testid={`step-${i}`}
            data-on={i === step ? 'true' : 'false'}
            onClick={() => onStep(i)}
          >
            <Text className="pk-steps__no">{i + 1}</Text>
            <Text className="pk-steps__name">{STEP_NAMES[i]}</Text>
          </View>
        ))}
      </View>
      {first ? (
        <View className="pk-errors" data-testid="form-errors" onClick={onShowFirst}>
          <Text>
            还有{Object.keys(errors).length}处需要修改，第一处：{labelOf(first)}（第
            {sectionOf(first) + 1}步）
          </Text>
        </View>
      ) : null}
    </>
  )
}

interface ActionsProps {
  step: number
  busy: boolean
  onStep: (n: number) => void
  onSubmit: () => void
}

/** 上一步 / 下一步 / 提交 (primary on the last step). */
export function Actions({ step, busy, onStep, onSubmit }: ActionsProps) {
  const last = PARKING_SECTIONS.length - 1
  return (
    <View className="pk-actions">
      {step > 0 ? (
        <View className="pk-actions__btn">
          <AtButton onClick={() => onStep(step - 1)}>上一步</AtButton>
        </View>
      ) : null}
      {step < last ? (
        <View className="pk-actions__btn" data-testid="next-step">
          <AtButton type="primary" onClick={() => onStep(step + 1)}>
            下一步
          </AtButton>
        </View>
      ) : null}
      <View className="pk-actions__btn pk-submit" data-testid="submit-parking">
        <AtButton
          type={step === last ? 'primary' : 'secondary'}
          loading={busy}
          disabled={busy}
          onClick={onSubmit}
        >
          提交
        </AtButton>
      </View>
    </View>
  )
}
