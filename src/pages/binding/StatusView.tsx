import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton, AtIcon } from 'taro-ui'
import type { Session } from '../../../types/account'
import { ROLE_LABELS, maskPhone } from '../../../types/display'
import { PermissionsContract } from '../../../types/permissions'
import { call } from '../../services/api'
import { toast } from '../../services/toast'
import { COLORS } from '../../styles/colors'

function projectText(session: Session): string {
  return session.projects.map((p) => `${p.name}（${p.code}）`).join('、') || '—'
}

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="binding__info-row">
      <Text className="binding__info-label">{label}</Text>
      <Text className="binding__info-value">{value}</Text>
    </View>
  )
}

interface PendingProps {
  session: Session
  onRefresh: () => Promise<void>
  onUnbound: () => void
}

/** 等待项目负责人授权: who applied, for which project, and what can be done meanwhile. */
export function PendingView({ session, onRefresh, onUnbound }: PendingProps) {
  const [refreshing, setRefreshing] = useState(false)
  const [unbinding, setUnbinding] = useState(false)
  const account = session.account
  const projectName = session.projects.map((p) => p.name).join('、')

  const refresh = async () => {
    setRefreshing(true)
    try {
      await onRefresh()
    } finally {
      setRefreshing(false)
    }
  }

  const unbind = async () => {
    const { confirm } = await Taro.showModal({
      title: '解除绑定',
      content: '解除绑定将撤回本次认证申请，之后需要重新进行身份认证。确定解除绑定？',
      confirmText: '解除绑定',
      confirmColor: COLORS.danger,
      cancelText: '取消',
    })
    if (!confirm) return
    setUnbinding(true)
    try {
      await call(PermissionsContract, 'unbind', {})
      toast.success('已解除绑定')
      onUnbound()
    } catch (err) {
      toast.error(err)
    } finally {
      setUnbinding(false)
    }
  }

  return (
    <View className="card binding__status binding__status--pending" data-testid="binding-pending">
      <View className="binding__status-head">
        <AtIcon value="clock" size="26" color={COLORS.warning} />
        <Text className="binding__status-title">等待项目负责人授权</Text>
      </View>
      <Text className="card__text">
        您的身份认证申请已提交{projectName ? `至「${projectName}」` : ''}
        ，请等待项目负责人审核授权。授权后即可进入物业服务使用各项业务。
      </Text>
      <View className="binding__info">
        <InfoRow label="姓名" value={account?.name ?? '—'} />
        <InfoRow label="手机号码" value={account ? maskPhone(account.phone) : '—'} />
        <InfoRow label="所在项目" value={projectText(session)} />
        <InfoRow label="审核人" value={`${projectName}${ROLE_LABELS.manager}`} />
        <InfoRow label="当前状态" value="待授权" />
      </View>
      <View className="binding__actions">
        <AtButton type="primary" loading={refreshing} onClick={() => void refresh()}>
          刷新
        </AtButton>
        <AtButton className="binding__unbind" loading={unbinding} onClick={() => void unbind()}>
          解除绑定
        </AtButton>
      </View>
      <Text className="binding__tip">下拉页面也可刷新审核结果</Text>
    </View>
  )
}

interface RejectedProps {
  session: Session
  onRetry: () => void
}

/** 身份认证未通过: the manager's reason and 重新认证. */
export function RejectedView({ session, onRetry }: RejectedProps) {
  return (
    <View className="card binding__status binding__status--rejected" data-testid="binding-rejected">
      <View className="binding__status-head">
        <AtIcon value="alert-circle" size="26" color={COLORS.danger} />
        <Text className="binding__status-title">身份认证未通过</Text>
      </View>
      <View className="binding__info">
        <InfoRow label="所在项目" value={projectText(session)} />
        <InfoRow label="驳回原因" value={session.account?.rejectReason || '项目负责人未说明原因'} />
      </View>
      <Text className="card__text">请核对信息后重新提交认证，或联系项目负责人。</Text>
      <View className="binding__actions">
        <AtButton type="primary" onClick={onRetry}>
          重新认证
        </AtButton>
      </View>
    </View>
  )
}
