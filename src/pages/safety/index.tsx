import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import ModuleGate from '../../components/ModuleGate'
import CheckList from './CheckList'
import CheckView from './CheckView'

/**
 * 安全检查 (manual §7): the project's checks; with `?checkId=` (a to-do's link, a subscribe
 * message) the check itself, as on pages/safety/check/index.
 */
export default function SafetyPage() {
  const { params } = useRouter()
  const checkId = params.checkId ? decodeURIComponent(params.checkId) : undefined
  return (
    <View className="page safety">
      {checkId ? (
        <CheckView checkId={checkId} />
      ) : (
        <ModuleGate code="safety">
          {(s) => <CheckList key={s.projectId ?? ''} projectId={s.projectId} />}
        </ModuleGate>
      )}
    </View>
  )
}
