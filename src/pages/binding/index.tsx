import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Session } from '../../../types/account'
import CloudView from '../../components/CloudView'
import DevLink from '../../components/DevLink'
import { toast } from '../../services/toast'
import { useSession } from '../../session'
import BindingForm from './BindingForm'
import { PendingView, RejectedView } from './StatusView'
import './index.scss'

const HOME = '/pages/home/index'

type View_ = 'form' | 'pending' | 'rejected' | 'active' | 'loading'

/** The intro card's words for what the page shows below it. */
const INTRO: Record<View_, string> = {
  loading: '物业服务或业委会人员完成身份认证后，即可使用物业服务的各项业务。',
  form: '物业服务或业委会人员请选择所在项目，填写姓名、手机号码并输入获取的短信验证码，确认无误后点击“提交信息”。项目经办人须经项目负责人授权后方可使用各项业务。',
  pending: '您的认证信息已提交，项目负责人授权后即可使用各项业务。审核结果可在下方刷新查看。',
  rejected: '您的认证申请未通过，请查看原因后重新认证。',
  active: '认证已通过，正在进入物业服务…',
}

function viewOf(session: Session | undefined, retry: boolean): View_ {
  if (!session) return 'loading'
  switch (session.status) {
    case 'active':
      return 'active'
    case 'pending':
      return 'pending'
    case 'rejected':
      return retry ? 'form' : 'rejected'
    default:
      return 'form'
  }
}

/**
 * 身份认证 (manual §1). What the page shows follows the session (binding.me, fetched once per app
 * open): the form for someone without an account, the waiting card while a manager has not
 * decided, the reason after a rejection, and straight on to 物业服务 once the account is active.
 */
export default function Binding() {
  const router = useRouter()
  const { session, state, refresh, setSession } = useSession()
  /** 重新认证 after a rejection (also `?retry=1` from the home page's 重新认证). */
  const [retry, setRetry] = useState(router.params.retry === '1')
  const view = viewOf(session, retry)

  useEffect(() => {
    if (session?.status === 'active') void Taro.reLaunch({ url: HOME })
  }, [session?.status])

  /** 刷新 on the waiting card: a failure is told by CloudView's toast, the card stays. */
  const refreshPending = async () => {
    const next = await refresh()
    if (next?.status === 'pending') toast.info('仍在等待授权')
  }

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const body = (s: Session) => {
    switch (viewOf(s, retry)) {
      case 'active':
        return (
          <View className="card">
            <Text className="card__text">认证成功，正在进入物业服务…</Text>
          </View>
        )
      case 'pending':
        return (
          <PendingView session={s} onRefresh={refreshPending} onUnbound={() => void refresh()} />
        )
      case 'rejected':
        return <RejectedView session={s} onRetry={() => setRetry(true)} />
      default:
        return (
          <BindingForm
            prefill={s.status === 'rejected' ? s.account : null}
            resultTemplate={s.subscribe.authResult}
            onDone={(next) => {
              setRetry(false)
              setSession(next)
            }}
          />
        )
    }
  }

  return (
    <View className="page binding mod-binding">
      <View className="card binding__intro" data-testid="binding-intro">
        <Text className="card__title">身份认证</Text>
        <Text className="card__text">{INTRO[view]}</Text>
      </View>
      <CloudView state={state}>{body}</CloudView>
      <DevLink />
    </View>
  )
}
