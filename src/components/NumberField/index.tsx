import { Input, Text, View } from '@tarojs/components'
import FormField, { type FormFieldProps } from '../FormField'
import { withClassName } from '../className'
import '../TextField/index.scss'

/** The typed text as a number: null when blank, NaN when it is not a number at all. */
export function parseNumber(text: string): number | null {
  const t = text.trim()
  if (t === '') return null
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN
}

/** Its row's props (name, label, required, hint, error) are FormField's. */
export interface NumberFieldProps extends Omit<FormFieldProps, 'children' | 'count'> {
  /** The title above the control. */
  label: string
  /** The text as typed (kept as typed: `parseNumber` reads it). */
  value: string
  /** After the box: 个, 元/月 (none by default). */
  unit?: string
  /** A keyboard with a decimal point (default false: digits only). */
  decimal?: boolean
  /** The grey text of an empty box (none by default). */
  placeholder?: string
  /** Classes added to the box itself (a test's or a module's hook). None by default. */
  inputClassName?: string
  /** Each change of the text. */
  onInput: (text: string) => void
  /** Classes added to the row's root (FormField's), after its own. */
  className?: string
}

/** A number typed in a form row, with its unit after the box. */
export default function NumberField({
  value,
  unit,
  decimal = false,
  placeholder,
  inputClassName,
  onInput,
  ...row
}: NumberFieldProps) {
  return (
    <FormField {...row}>
      <View className="kit-control">
        <Input
          className={withClassName('kit-input', inputClassName)}
          type={decimal ? 'digit' : 'number'}
          value={value}
          placeholder={placeholder}
          onInput={(e) => onInput(e.detail.value)}
        />
        {unit ? <Text className="kit-unit">{unit}</Text> : null}
      </View>
    </FormField>
  )
}
