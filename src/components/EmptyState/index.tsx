import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import { COLORS } from '../../styles/colors'
import { withClassName } from '../className'
import './index.scss'

export interface EmptyStateProps {
  /** taro-ui icon name (default `file-generic`). */
  icon?: string
  /** What is missing, in a line (暂无记录). */
  title: string
  /** A grey line under the title: why, or what to do (none by default). */
  description?: string
  /** Classes added to the root, after its own. */
  className?: string
}

/** taro-ui has no empty-state component; this is the app's, built from AtIcon. */
export default function EmptyState({
  icon = 'file-generic',
  title,
  description,
  className,
}: EmptyStateProps) {
  return (
    <View className={withClassName('empty-state', className)}>
      <View className="empty-state__icon">
        <AtIcon value={icon} size="56" color={COLORS.muted} />
      </View>
      <Text className="empty-state__title">{title}</Text>
      {description ? <Text className="empty-state__desc">{description}</Text> : null}
    </View>
  )
}
