import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import CheckView from '../CheckView'

/** One safety check (opened from the list): fill it, review it, or read it. */
export default function SafetyCheckPage() {
  const { params } = useRouter()
  const checkId = params.checkId ? decodeURIComponent(params.checkId) : undefined
  return (
    <View className="page safety">
      <CheckView checkId={checkId} />
    </View>
  )
}
