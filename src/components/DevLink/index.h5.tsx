import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import './index.scss'

/** H5 only: a small link to the dev identity switcher, at the end of the page (covering nothing). */
export default function DevLink() {
  return (
    <View className="dev-link">
      <Text
        className="dev-link__pill"
        data-testid="dev-link"
        onClick={() => void Taro.navigateTo({ url: '/pages/dev/identity/index' })}
      >
        切换身份（开发）
      </Text>
    </View>
  )
}
