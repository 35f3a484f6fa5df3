import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import type { Session } from '../../../../types/account'
import { ParkingContract } from '../../../../types/parking'
import CloudView from '../../../components/CloudView'
import EmptyState from '../../../components/EmptyState'
import ModuleGate from '../../../components/ModuleGate'
import { useCloud } from '../../../hooks/useCloud'
import { call } from '../../../services/api'
import ParkingFormView from '../ParkingForm'
import '../parking.scss'

function FormBody({ projectId, session }: { projectId: string | undefined; session: Session }) {
  const current = useCloud(() => call(ParkingContract, 'current', { projectId }))
  return (
    <CloudView state={current}>
      {(c) => {
        if (c.open?.status === 'submitted') {
          return (
            <View className="card" data-testid="parking-awaiting">
              <EmptyState
                icon="clock"
                title={`第${c.open.edition}版待发布`}
                description="发布或取消后才能填写新版本"
              />
              <AtButton
                type="primary"
                onClick={() =>
                  void Taro.redirectTo({
                    url: `/pages/parking/sheet/index?editionId=${c.open!._id}`,
                  })
                }
              >
                查看公示单
              </AtButton>
            </View>
          )
        }
        // A new answer (another phone saved, a reload) starts the form again from it.
        return (
          <ParkingFormView
            key={`${c.open?._id ?? 'new'}:${c.open?.version ?? 0}`}
            current={c}
            projectId={projectId}
            session={session}
            onReload={() => void current.reload()}
          />
        )
      }}
    </CloudView>
  )
}

/** 填写车位信息: the draft of the next edition, step by step. */
export default function ParkingFormPage() {
  return (
    <View className="page parking">
      <ModuleGate code="parking" switcher={false}>
        {({ projectId, session }) => (
          <FormBody key={projectId} projectId={projectId} session={session} />
        )}
      </ModuleGate>
    </View>
  )
}
