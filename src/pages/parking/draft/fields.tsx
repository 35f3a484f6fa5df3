import { View } from '@tarojs/components'
import { createContext, useContext, type ReactNode } from 'react'
import type { ParkingDraft } from '../../../../types/parking'
import ChoiceChips from '../../../components/ChoiceChips'
import DateField from '../../../components/DateField'
import NumberField from '../../../components/NumberField'
import TextField from '../../../components/TextField'
import type { SaveWhen } from '../../../hooks/useDraftForm'
import { anchorOf, getAt } from './paths'

/** What a step's fields read and write: the draft, the numbers as typed, the errors shown. */
export interface Fields {
  draft: ParkingDraft
  texts: Record<string, string>
  errors: Record<string, string>
  today: string
  setField: (path: string, value: unknown, when?: SaveWhen) => void
  setNumber: (path: string, text: string) => void
}

export const FieldsContext = createContext<Fields | null>(null)

const useFields = () => useContext(FieldsContext)!

/** A field's block, with the id the first wrong field is scrolled to. */
function Anchor({ path, children }: { path: string; children: ReactNode }) {
  return (
    <View id={anchorOf(path)} className="pk-field">
      {children}
    </View>
  )
}

interface FieldProps {
  /** The field's path in the draft (`counts.total`). */
  path: string
  label: string
  hint?: string
  /** Default true. */
  required?: boolean
}

/** A field's row as the shared fields take it: `pk-<path>` for tests, its error shown. */
function rowOf(f: Fields, { path, label, hint, required = true }: FieldProps) {
  return { name: `pk-${path}`, label, hint, required, error: f.errors[path] }
}

/** A number of the form, kept as typed (the fee with a decimal point). */
export function Num(props: FieldProps & { unit?: string }) {
  const { path, unit } = props
  const f = useFields()
  const fee = path === 'cards.monthlyFee'
  return (
    <Anchor path={path}>
      <NumberField
        {...rowOf(f, { ...props, required: true })}
        value={f.texts[path] ?? ''}
        unit={unit}
        decimal={fee}
        placeholder={fee ? '免费请填0' : '没有请填0'}
        inputClassName={`pk-input--${anchorOf(path)}`}
        onInput={(text) => f.setNumber(path, text)}
      />
    </Anchor>
  )
}

/** A text of the form, counted against its limit (`long`: several lines). */
export function Txt(props: FieldProps & { max: number; long?: boolean; placeholder?: string }) {
  const { path, max, long, placeholder } = props
  const f = useFields()
  return (
    <Anchor path={path}>
      <TextField
        {...rowOf(f, props)}
        value={(getAt(f.draft, path) as string | null) ?? ''}
        max={max}
        long={long}
        placeholder={placeholder}
        inputClassName={`pk-input--${anchorOf(path)}`}
        onInput={(text) => f.setField(path, text)}
      />
    </Anchor>
  )
}

/** A date of the form, up to today; saved at once. */
export function DateOf(props: FieldProps) {
  const { path } = props
  const f = useFields()
  return (
    <Anchor path={path}>
      <DateField
        {...rowOf(f, { ...props, required: true })}
        value={(getAt(f.draft, path) as string | null) ?? ''}
        end={f.today}
        testId={`date-${path}`}
        onChange={(date) => f.setField(path, date, 'now')}
      />
    </Anchor>
  )
}

/** A choice of the form as chips; saved at once. */
export function Chips<V extends string | boolean>(
  props: FieldProps & {
    options: readonly (readonly [V, string])[]
    multi?: boolean
    clearable?: boolean
  },
) {
  const { path, options, multi, clearable } = props
  const f = useFields()
  return (
    <Anchor path={path}>
      <ChoiceChips
        {...rowOf(f, props)}
        options={options}
        value={getAt(f.draft, path) as V | V[] | null | undefined}
        multi={multi}
        clearable={clearable}
        testId={`chip-${path}`}
        onChange={(next) => f.setField(path, next, 'now')}
      />
    </Anchor>
  )
}
