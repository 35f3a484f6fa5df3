import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { withClassName } from '../className'
import './index.scss'

export interface DevLinkProps {
  /** Classes added to the link's root, after its own. */
  className?: string
}

/**
 * The local H5 build only: a small link to the dev identity switcher, at the end of the page
 * (covering nothing).
 */
export default function DevLink({ className }: DevLinkProps) {
  // The production PC build has no switcher.
  if (process.env.TARO_APP_PC === '1') return null
  return (
    <View className={withClassName('dev-link', className)}>
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
