import { Picker, View } from '@tarojs/components'
import FormField, { type FormFieldProps } from '../FormField'
import { withClassName } from '../className'
import './index.scss'

/** Its row's props (name, label, required, hint, error) are FormField's. */
export interface DateFieldProps extends Omit<FormFieldProps, 'children' | 'count'> {
  /** The title above the control. */
  label: string
  /** YYYY-MM-DD, '' when none is chosen yet. */
  value: string
  /** The earliest date offered (default 1980-01-01). */
  start?: string
  /** The latest date offered (none by default). */
  end?: string
  /** Where the wheel opens while none is chosen (default 2015-01-01). */
  opensAt?: string
  /** A date was chosen. */
  onChange: (date: string) => void
  /** `data-testid` of the shown date (default `date-<name>`). */
  testId?: string
  /** Classes added to the row's root (FormField's), after its own. */
  className?: string
}

/** A date chosen on the platform's wheel (WeChat's picker; a date input in H5). */
export default function DateField({
  value,
  start = '1980-01-01',
  end,
  opensAt = '2015-01-01',
  onChange,
  testId,
  ...row
}: DateFieldProps) {
  return (
    <FormField {...row}>
      <Picker
        mode="date"
        value={value || opensAt}
        start={start}
        end={end}
        onChange={(e) => onChange(e.detail.value)}
      >
        <View
          className={withClassName('kit-picker', value ? '' : 'kit-picker--empty')}
          data-testid={testId ?? `date-${row.name}`}
        >
          {value || '请选择日期'}
        </View>
      </Picker>
    </FormField>
  )
}
