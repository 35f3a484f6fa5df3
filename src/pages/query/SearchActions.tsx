import { View } from '@tarojs/components'
import { AtButton } from 'taro-ui'

interface Props {
  /** Prefix of the buttons' test ids: `<testId>-clear`, `<testId>-submit`. */
  testId: string
  onClear: () => void
  onSearch: () => void
}

/** 清空 and 查询 under a search card's fields. */
export default function SearchActions({ testId, onClear, onSearch }: Props) {
  return (
    <View className="search-card__actions">
      <View className="search-card__action" data-testid={`${testId}-clear`}>
        <AtButton size="small" onClick={onClear}>
          清空
        </AtButton>
      </View>
      <View className="search-card__action" data-testid={`${testId}-submit`}>
        <AtButton size="small" type="primary" onClick={onSearch}>
          查询
        </AtButton>
      </View>
    </View>
  )
}
