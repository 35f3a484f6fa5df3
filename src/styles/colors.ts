/**
 * The colour tokens of theme.scss for code that needs a value, not a class (AtIcon's `color`,
 * Taro.showModal's `confirmColor`). Keep the two files in step.
 */
export const COLORS = {
  primary: '#1f6feb',
  danger: '#d93025',
  warning: '#e8a400',
  success: '#1a9f53',
  text: '#1f2329',
  textSecondary: '#646a73',
  muted: '#8f959e',
  disabled: '#c9cdd4',
  onPrimary: '#ffffff',
} as const
