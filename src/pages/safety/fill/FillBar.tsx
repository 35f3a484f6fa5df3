import { Text, View } from '@tarojs/components'
import SaveStatus from '../../../components/SaveStatus'
import type { SaveState } from '../../../hooks/useDraftForm'

/** The check's save line from its items': saving first, then failures, then waiting ones. */
function overall(states: SaveState[]): { state: SaveState; text?: string } {
  const failed = states.filter((s) => s === 'failed').length
  if (states.includes('saving')) return { state: 'saving' }
  if (failed) return { state: 'failed', text: `${failed}项保存失败` }
  if (states.includes('invalid')) return { state: 'invalid', text: '有未保存的项' }
  if (states.includes('saved')) return { state: 'saved' }
  return { state: 'idle' }
}

interface FillBarProps {
  answered: number
  total: number
  states: SaveState[]
  /** The first item not answered yet: 下一未填项 jumps to it. */
  onJump: (() => void) | null
}

/** The sticky bar over a check being filled: 已填 n/m, the save line, 下一未填项, progress. */
export default function FillBar({ answered, total, states, onJump }: FillBarProps) {
  const line = overall(states)
  return (
    <View className="fill-bar" data-testid="fill-bar">
      <View className="fill-bar__main">
        <Text className="fill-bar__progress" data-testid="check-progress">
          已填 {answered}/{total}
        </Text>
        <SaveStatus
          className="fill-bar__save"
          state={line.state}
          text={line.text}
          testId="save-status"
        />
        {onJump ? (
          <Text className="fill-bar__jump" data-testid="jump-open" onClick={onJump}>
            下一未填项
          </Text>
        ) : null}
      </View>
      <View className="progress-bar">
        <View
          className="progress-bar__fill"
          style={{ width: `${total ? (answered / total) * 100 : 0}%` }}
        />
      </View>
    </View>
  )
}
