import { Text, View } from '@tarojs/components'
import { useCallback, useState, type ReactNode } from 'react'
import { charCount } from '../../../types/fields'
import { withClassName } from '../className'
import './index.scss'

// The contract's own count (code points: 𠮷 is one, where a browser's `maxlength` counts two).
export { charCount }

/**
 * A text control's props for a limit in characters: no `maxlength` of the control's own (-1: none;
 * Taro's default is 140 units), since it counts UTF-16 units and cuts a paste silently — the field
 * counts with `count` and says when the text is too long.
 */
export const NO_MAXLENGTH = -1

export interface FormFieldProps {
  /** Stable hook for tests and styles: class `form-field--<name>`, `data-testid="field-<name>"`. */
  name: string
  /**
   * A title above the control, for controls without their own (an AtInput has its `title`).
   * None by default.
   */
  label?: string
  /** Marks the label with a red asterisk (default false). */
  required?: boolean
  /** A grey line under the label: what to enter, who needs it (none by default). */
  hint?: string
  /**
   * The inline message under the control (a shared rule's or the server's `error.fields`).
   * None by default.
   */
  error?: string
  /**
   * A text limited in characters: 字数 n/max beside the label, red over the limit, with a message
   * saying by how much (shown at once, not on 提交: nothing is cut).
   */
  count?: { value: string; max: number }
  /** The control. */
  children: ReactNode
  /** Classes added to the row's root, after its own. */
  className?: string
}

/** One form row: optional label and hint, the control, and its Chinese error message under it. */
export default function FormField({
  name,
  label,
  required = false,
  hint,
  error,
  count,
  children,
  className,
}: FormFieldProps) {
  const used = count ? charCount(count.value) : 0
  const over = count && used > count.max ? used - count.max : 0
  const message =
    error ||
    (over ? `${label ?? '内容'}最多${count!.max}个字，已超出${over}个字，请删减` : undefined)
  const counter = count ? (
    <Text
      className={`form-field__count${over ? ' form-field__count--over' : ''}`}
      data-testid={`field-${name}-count`}
    >
      字数 {used}/{count.max}
    </Text>
  ) : null
  return (
    <View
      className={withClassName(
        `form-field form-field--${name}${message ? ' form-field--error' : ''}`,
        className,
      )}
      data-testid={`field-${name}`}
    >
      {label ? (
        <View className="form-field__label">
          <Text>{label}</Text>
          {required ? <Text className="form-field__required">*</Text> : null}
          {counter}
        </View>
      ) : null}
      {hint ? <Text className="form-field__hint">{hint}</Text> : null}
      {!label && counter ? <View className="form-field__count-row">{counter}</View> : null}
      {children}
      {message ? (
        <Text className="form-field__error" data-testid={`field-${name}-error`}>
          {message}
        </Text>
      ) : null}
    </View>
  )
}

/**
 * A form's inline errors: 提交 (or the server's `error.fields`) sets them; a field loses its own
 * as soon as it is edited, since the message was about the value it had — the others stay until
 * they are edited in turn or 提交 checks again.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const edited = useCallback((...names: string[]) => {
    setErrors((e) => {
      if (!names.some((n) => e[n])) return e
      const next = { ...e }
      for (const n of names) delete next[n]
      return next
    })
  }, [])
  return { errors, setErrors, edited }
}
