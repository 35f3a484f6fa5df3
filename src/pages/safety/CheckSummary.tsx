import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  CHECK_KINDS,
  STATUS_LABELS,
  type ProjectCheckStatus,
  type SafetyCheck,
} from '../../../types/safety'
import { cstDate, daysLeft } from '../../../types/display'
import { isOpen } from './answers'

type CheckInfo = Omit<SafetyCheck, 'categories'>

/** 2026-11-22 至 2026-12-02 · 剩余 7 天 (or 未开始 / 已结束). */
export function windowText(check: CheckInfo, now = Date.now()): string {
  const span = `${cstDate(check.startAt)} 至 ${cstDate(check.endAt)}`
  if (now < check.startAt) return `${span} · 未开始`
  if (!isOpen(check, now)) return `${span} · 已结束`
  return `${span} · 剩余 ${daysLeft(check.endAt, now)} 天`
}

export function StatusTag({ status }: { status: ProjectCheckStatus }) {
  return (
    <Text className={`status-tag status-tag--${status}`} data-testid="check-status">
      {STATUS_LABELS[status]}
    </Text>
  )
}

export function KindTag({ kind }: { kind: CheckInfo['kind'] }) {
  return <Text className={`kind-tag kind-tag--${kind}`}>{CHECK_KINDS[kind]}</Text>
}

interface Props {
  check: CheckInfo
  status: ProjectCheckStatus
  /** Items answered (left out while filling: the form's own bar counts them as they go). */
  answered?: number
  score?: number
}

/** The head of a check: kind, title, issuer, window, status, progress and (once submitted) score. */
export default function CheckSummary({ check, status, answered, score }: Props) {
  const [now] = useState(() => Date.now())
  const soon = isOpen(check, now) && daysLeft(check.endAt, now) <= 3
  return (
    <View className="check-summary" data-testid="check-summary">
      <View className="check-summary__tags">
        <KindTag kind={check.kind} />
        <StatusTag status={status} />
      </View>
      <Text className="check-summary__title" data-testid="check-title">
        {check.title}
      </Text>
      <Text className="check-summary__line">发布单位：{check.issuer}</Text>
      <Text
        className={`check-summary__line${soon ? ' check-summary__line--urgent' : ''}`}
        data-testid="check-window"
      >
        检查时间：{windowText(check, now)}
      </Text>
      <View className="check-summary__figures">
        {answered !== undefined ? (
          <Text className="check-summary__figure" data-testid="check-answered">
            已填 {answered}/{check.itemCount} 项
          </Text>
        ) : (
          <Text className="check-summary__figure">共 {check.itemCount} 项</Text>
        )}
        <Text className="check-summary__figure">满分 {check.totalPoints} 分</Text>
        {score !== undefined ? (
          <Text className="check-summary__figure check-summary__score" data-testid="check-score">
            自评得分 {score} 分
          </Text>
        ) : null}
      </View>
    </View>
  )
}
