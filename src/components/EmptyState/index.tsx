import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import { COLORS } from '../../styles/colors'
import './index.scss'

interface Props {
  /** taro-ui icon name. */
  icon?: string
  title: string
  description?: string
}

/** taro-ui has no empty-state component; this is the app's, built from AtIcon. */
export default function EmptyState({ icon = 'file-generic', title, description }: Props) {
  return (
    <View className="empty-state">
      <View className="empty-state__icon">
        <AtIcon value={icon} size="56" color={COLORS.muted} />
      </View>
      <Text className="empty-state__title">{title}</Text>
      {description ? <Text className="empty-state__desc">{description}</Text> : null}
    </View>
  )
}
