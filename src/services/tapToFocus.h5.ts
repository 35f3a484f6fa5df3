/**
 * H5: a tap on a form row's label or padding focuses the row's input. Taro renders an input as
 * <taro-input-core id=…><input/></taro-input-core>, so AtInput's <label for=…> names an element
 * that cannot take focus, and a tap on 「姓名」 did nothing.
 */

/** Rows whose free space focuses their first field: an AtInput row, a FormField's label. */
const ROWS = '.at-input, .form-field__label'
/** Taps that are their own: the field itself, buttons in the row (获取验证码), clear icons. */
const OWN = 'input, textarea, button, a, .at-input__children, .at-input__icon, .at-button'

function fieldOf(row: Element): HTMLInputElement | HTMLTextAreaElement | null {
  const scope = row.matches('.form-field__label') ? row.closest('.form-field') : row
  return (
    scope?.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      'input:not([type=hidden]):not([disabled]), textarea:not([disabled])',
    ) ?? null
  )
}

let enabled = false

export function enableTapToFocus(): void {
  if (enabled || typeof document === 'undefined') return
  enabled = true
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null
    if (!target || target.closest(OWN)) return
    const row = target.closest(ROWS)
    const field = row && fieldOf(row)
    if (field && document.activeElement !== field) field.focus()
  })
}
