import { Text, View } from '@tarojs/components'
import EmptyState from '../../components/EmptyState'
import DevLink from '../../components/DevLink'

/** 身份认证 (manual §1). Placeholder until the binding form is built. */
export default function Binding() {
  return (
    <View className="page binding">
      <View className="card">
        <Text className="card__title">身份认证</Text>
        <Text className="card__text">
          物业服务或业委会人员填写姓名、手机号码和短信验证码，完成身份认证后即可使用各项业务。
        </Text>
      </View>
      <EmptyState icon="user" title="该模块正在建设中" description="身份认证表单即将上线" />
      <DevLink />
    </View>
  )
}
