import { Input, Textarea, View } from '@tarojs/components'
import FormField, { NO_MAXLENGTH, type FormFieldProps } from '../FormField'
import { withClassName } from '../className'
import './index.scss'

/** Its row's props (name, label, required, hint, error) are FormField's. */
export interface TextFieldProps extends Omit<FormFieldProps, 'children' | 'count'> {
  /** The title above the control (none by default). */
  label?: string
  /** The text as typed. */
  value: string
  /** Its limit in characters: 字数 n/max beside the label, and a message when over it. */
  max: number
  /** Several lines (a Textarea growing with its text) instead of one (default false). */
  long?: boolean
  /** The grey text of an empty control (default 请填写<label>). */
  placeholder?: string
  /** Classes added to the control itself (a test's or a module's hook). None by default. */
  inputClassName?: string
  /** Each change of the text. */
  onInput: (text: string) => void
  /** The person left the control (none by default). */
  onBlur?: () => void
  /** Classes added to the row's root (FormField's), after its own. */
  className?: string
}

/** A text typed in a form row, counted in characters against the contract's limit. */
export default function TextField({
  value,
  max,
  long = false,
  placeholder,
  inputClassName,
  onInput,
  onBlur,
  ...row
}: TextFieldProps) {
  const control = {
    value,
    maxlength: NO_MAXLENGTH,
    placeholder: placeholder ?? `请填写${row.label ?? ''}`,
    onInput: (e: { detail: { value: string } }) => onInput(e.detail.value),
    onBlur,
  }
  return (
    <FormField {...row} count={{ value, max }}>
      {long ? (
        <Textarea
          className={withClassName('kit-textarea', inputClassName)}
          autoHeight
          {...control}
        />
      ) : (
        <View className="kit-control">
          <Input className={withClassName('kit-input', inputClassName)} {...control} />
        </View>
      )}
    </FormField>
  )
}
