import { View } from '@tarojs/components'
import FormField, { type FormFieldProps } from '../FormField'
import { withClassName } from '../className'
import './index.scss'

/** Its row's props (name, label, required, hint, error) are FormField's. */
export interface ChoiceChipsProps<V extends string | boolean> extends Omit<
  FormFieldProps,
  'children' | 'count'
> {
  /** The title above the chips. */
  label: string
  /** Each choice: its value and its text. */
  options: readonly (readonly [V, string])[]
  /** The choice (null: none), or the choices with `multi`. */
  value: V | readonly V[] | null | undefined
  /** Several may be chosen (default false). */
  multi?: boolean
  /** Tapping the chosen one takes it away (default false: one stays chosen). */
  clearable?: boolean
  /** The new choice (null: none), or the new list with `multi`. */
  onChange: (next: V | V[] | null) => void
  /** Each chip's `data-testid` is `<testId>-<value>` (default `chip-<name>`). */
  testId?: string
  /** Classes added to the row's root (FormField's), after its own. */
  className?: string
}

/** Choices shown at once as chips: one, none (`clearable`) or several (`multi`). */
export default function ChoiceChips<V extends string | boolean>({
  options,
  value,
  multi = false,
  clearable = false,
  onChange,
  testId,
  ...row
}: ChoiceChipsProps<V>) {
  const list = multi ? ((value as readonly V[] | null | undefined) ?? []) : []
  const on = (v: V) => (multi ? list.includes(v) : value === v)
  const tap = (v: V) => {
    if (multi) onChange(on(v) ? list.filter((x) => x !== v) : [...list, v])
    else if (!on(v)) onChange(v)
    else if (clearable) onChange(null)
  }
  return (
    <FormField {...row}>
      <View className="kit-chips">
        {options.map(([v, text]) => (
          <View
            key={String(v)}
            className={withClassName('kit-chip', on(v) ? 'kit-chip--on' : '')}
            data-testid={`${testId ?? `chip-${row.name}`}-${String(v)}`}
            data-on={on(v) ? 'true' : 'false'}
            onClick={() => tap(v)}
          >
            {text}
          </View>
        ))}
      </View>
    </FormField>
  )
}
