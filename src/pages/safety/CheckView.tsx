import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { Session } from '../../../types/account'
import { SafetyContract, type CheckDetail } from '../../../types/safety'
import AuditTrail from '../../components/AuditTrail'
import CloudView from '../../components/CloudView'
import EmptyState from '../../components/EmptyState'
import ModuleGate from '../../components/ModuleGate'
import { useModuleCall } from '../../hooks/useModuleCall'
import { usePullToRefresh, useReloadOnShow } from '../../hooks/usePageRefresh'
import AnswerList from './AnswerList'
import { isOpen } from './answers'
import CheckSummary from './CheckSummary'
import FillForm from './FillForm'
import Review from './Review'
import './safety.scss'

type Mode = 'fill' | 'review' | 'view'

/** Who sees what: the filler while editable, a manager on 待确认, everyone else read-only. */
function modeOf(d: CheckDetail, role: string): Mode {
  if (d.editable) return 'fill'
  const status = d.submission?.status
  if (role === 'manager' && status === 'awaitingConfirm' && isOpen(d.check)) return 'review'
  return 'view'
}

/** What a read-only check says about where it stands. */
function standing(d: CheckDetail, role: string): string {
  const status = d.submission?.status
  if (status === 'confirmed') return '项目负责人已确认，检查结果已生效。'
  if (status === 'awaitingConfirm')
    return isOpen(d.check)
      ? role === 'manager'
        ? '已提交，等待项目负责人确认。'
        : '已提交，等待项目负责人确认；确认前不能修改。'
      : '检查已结束，提交未经确认。'
  if (!isOpen(d.check)) {
    if (Date.now() < d.check.startAt) return '检查尚未开始。'
    return status === 'returned' ? '检查已结束，退回后未重新提交。' : '检查已结束，未提交。'
  }
  return ''
}

function answeredOf(d: CheckDetail): number {
  const answers = d.submission?.answers ?? {}
  return d.check.categories.reduce((n, c) => n + c.items.filter((i) => answers[i._id]).length, 0)
}

function ReadOnly({ detail, role }: { detail: CheckDetail; role: string }) {
  const sub = detail.submission
  const note = standing(detail, role)
  return (
    <View className="read-only" data-testid="read-only">
      {sub?.status === 'returned' && sub.comment ? (
        <View className="return-banner" data-testid="return-comment">
          <Text className="return-banner__title">项目负责人已退回</Text>
          <Text className="return-banner__text">退回意见：{sub.comment}</Text>
        </View>
      ) : null}
      {note ? (
        <View className={`standing standing--${sub?.status ?? 'unfilled'}`} data-testid="standing">
          <Text>{note}</Text>
        </View>
      ) : null}
      {sub ? (
        <AnswerList check={detail.check} answers={sub.answers} urls={detail.photoUrls} />
      ) : (
        <EmptyState icon="file-generic" title="未填写" description="该检查没有填写记录" />
      )}
    </View>
  )
}

interface BodyProps {
  checkId: string
  projectId: string | undefined
  session: Session
  role: string
}

function CheckBody({ checkId, projectId, session, role }: BodyProps) {
  /** Bumped after each reload, so the form starts again from what the function says. */
  const [loads, setLoads] = useState(0)
  /** Items the form has answered: the tag says 草稿 from the first, as the list will. */
  const [filled, setFilled] = useState(0)
  const onAnswered = useCallback((n: number) => setFilled(n), [])
  const detail = useModuleCall(SafetyContract, 'detail', { projectId, checkId })
  const reload = () => detail.reload().then(() => setLoads((n) => n + 1))
  const mode = detail.data ? modeOf(detail.data, role) : undefined

  usePullToRefresh(reload)
  // Back from the background: someone may have confirmed, returned or submitted meanwhile. A
  // form being filled stays as it is (its saves tell it if the check moved on).
  useReloadOnShow(() => (mode !== 'fill' ? reload() : undefined))

  return (
    <CloudView state={detail}>
      {(d) => {
        const m = modeOf(d, role)
        const status = d.submission?.status ?? (m === 'fill' && filled > 0 ? 'draft' : 'unfilled')
        return (
          <View className={`check check--${m}`} data-testid="check" data-mode={m}>
            <CheckSummary
              check={d.check}
              status={status}
              answered={m === 'fill' ? undefined : answeredOf(d)}
              score={d.submission?.status === 'draft' ? undefined : d.submission?.score}
            />
            {m === 'fill' ? (
              <FillForm
                key={loads}
                detail={d}
                projectId={projectId}
                session={session}
                onReload={() => void reload()}
                onAnswered={onAnswered}
              />
            ) : m === 'review' ? (
              <Review
                key={loads}
                detail={d}
                projectId={projectId}
                session={session}
                onReload={() => void reload()}
              />
            ) : (
              <ReadOnly detail={d} role={role} />
            )}
            {d.trail.length > 0 || m !== 'fill' ? (
              <View className="card check__trail">
                <Text className="card__title">审核信息</Text>
                <AuditTrail rows={d.trail} />
              </View>
            ) : null}
          </View>
        )
      }}
    </CloudView>
  )
}

/** One check for the caller's project (a to-do's link, the list, a notice): fill, review or read. */
export default function CheckView({ checkId }: { checkId: string | undefined }) {
  if (!checkId) return <EmptyState icon="alert-circle" title="检查不存在" />
  return (
    <ModuleGate code="safety">
      {(s) => (
        <CheckBody
          key={s.projectId ?? ''}
          checkId={checkId}
          projectId={s.projectId}
          session={s.session}
          role={s.account.role}
        />
      )}
    </ModuleGate>
  )
}
