import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface FormFieldProps {
  /** Stable hook for tests and styles: class `form-field--<name>`, `data-testid="field-<name>"`. */
  name: string
  /** A title above the control, for controls without their own (an AtInput has its `title`). */
  label?: string
  /** Marks the label with a red asterisk. */
  required?: boolean
  /** A grey line under the label: what to enter, who needs it. */
  hint?: string
  /** The inline message under the control (a shared rule's or the server's `error.fields`). */
  error?: string
  children: ReactNode
}

/** One form row: optional label and hint, the control, and its Chinese error message under it. */
export default function FormField({
  name,
  label,
  required,
  hint,
  error,
  children,
}: FormFieldProps) {
  return (
    <View
      className={`form-field form-field--${name}${error ? ' form-field--error' : ''}`}
      data-testid={`field-${name}`}
    >
      {label ? (
        <View className="form-field__label">
          <Text>{label}</Text>
          {required ? <Text className="form-field__required">*</Text> : null}
        </View>
      ) : null}
      {hint ? <Text className="form-field__hint">{hint}</Text> : null}
      {children}
      {error ? (
        <Text className="form-field__error" data-testid={`field-${name}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
