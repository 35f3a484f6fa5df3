import { Text } from '@tarojs/components'
import { cstDateTime } from '../../../types/display'
import type { SaveState } from '../../hooks/useDraftForm'
import { withClassName } from '../className'
import './index.scss'

const TEXT: Record<SaveState, string> = {
  idle: '填写后自动保存',
  saving: '保存中…',
  saved: '已保存',
  failed: '保存失败 · 重试',
  invalid: '未保存',
}

/** 14:05 today, else the date and time (China Standard Time). */
export function shortTime(at: number): string {
  const s = cstDateTime(at)
  return s.slice(0, 10) === cstDateTime(Date.now()).slice(0, 10) ? s.slice(11) : s
}

export interface SaveStatusProps {
  /** Where the draft stands (a part's state from `useDraftForm`). */
  state: SaveState
  /** When the server saved it last: 已保存 14:05 (none by default: 已保存). */
  savedAt?: number
  /** A line of its own instead of the state's (a form's summary: 2项保存失败). None by default. */
  text?: string
  /** Tapped while 保存失败: saves again. None by default. */
  onRetry?: () => void
  /** `data-testid` (default `save-state`). */
  testId?: string
  /** Classes added to the root, after its own. */
  className?: string
}

/** A draft's save line: 填写后自动保存, 保存中…, 已保存 (with its time), 保存失败 · 重试. */
export default function SaveStatus({
  state,
  savedAt,
  text,
  onRetry,
  testId = 'save-state',
  className,
}: SaveStatusProps) {
  const line =
    text ?? (state === 'saved' && savedAt ? `${TEXT.saved} ${shortTime(savedAt)}` : TEXT[state])
  return (
    <Text
      className={withClassName(`kit-save kit-save--${state}`, className)}
      data-testid={testId}
      data-state={state}
      onClick={state === 'failed' ? onRetry : undefined}
    >
      {line}
    </Text>
  )
}
