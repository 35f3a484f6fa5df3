import { Text, View } from '@tarojs/components'
import type { Session } from '../../../types/account'
import { PARKING_SECTIONS, type ParkingCurrent } from '../../../types/parking'
import SaveStatus from '../../components/SaveStatus'
import { Actions, StepBar } from './draft/FormHead'
import { FieldsContext } from './draft/fields'
import { STEPS } from './draft/steps'
import { useParkingDraft } from './draft/useParkingDraft'
import { useParkingSubmit } from './draft/useParkingSubmit'

interface Props {
  current: ParkingCurrent
  projectId: string | undefined
  session: Session
  /** Loads the project's editions again (changed underneath: another phone, a submission). */
  onReload: () => void
}

/**
 * The disclosure form in six steps, in the manual's order. Every change is kept in the draft on
 * the server (useDraftForm: a choice at once, typing after a pause; another phone of the same
 * person continues it, at the same step); the sums of 车位基本信息 are worked out as they are
 * typed; 提交 checks every rule (the same ones the function keeps), goes to the first wrong field
 * and names it.
 */
export default function ParkingFormView({ current, projectId, session, onReload }: Props) {
  const d = useParkingDraft({ current, projectId, onReload })
  const { submit, busy, dialog, showFirst } = useParkingSubmit(d, projectId, session)
  const { form, step } = d
  const Step = STEPS[step]
  return (
    <View className="pk-form" data-testid="parking-form" data-step={step}>
      <View className="pk-form__head card">
        <View className="pk-form__title-row">
          <Text className="pk-form__title">第{d.editionNo}版 · 草稿</Text>
          <SaveStatus
            state={form.states.form ?? 'idle'}
            savedAt={d.savedAt}
            onRetry={() => void form.save('form')}
          />
        </View>
        {current.published ? (
          <Text className="pk-form__sub">
            第{current.published.edition}版仍在公示，本版发布后替换它
          </Text>
        ) : null}
      </View>

      <StepBar
        step={step}
        errors={form.errors}
        onStep={d.goTo}
        onShowFirst={() => showFirst(form.errors)}
      />

      <View className="card pk-section" data-testid={`section-${step}`}>
        <Text className="card__title">
          {step + 1}. {PARKING_SECTIONS[step]}
        </Text>
        <FieldsContext.Provider value={{ ...d, errors: form.errors }}>
          <Step />
        </FieldsContext.Provider>
      </View>

      <Actions step={step} busy={busy} onStep={d.goTo} onSubmit={() => void submit()} />
      {dialog}
    </View>
  )
}
