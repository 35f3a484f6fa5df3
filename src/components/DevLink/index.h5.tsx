import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import './index.scss'

/** H5 only: a small floating link to the dev identity switcher. */
export default function DevLink() {
  return (
    <View
      className="dev-link"
      data-testid="dev-link"
      onClick={() => void Taro.navigateTo({ url: '/pages/dev/identity/index' })}
    >
      <Text>切换身份（开发）</Text>
    </View>
  )
}
