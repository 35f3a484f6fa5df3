import { Text, View } from '@tarojs/components'
import type { AuditRow } from '../../../types/permissions'
import { roleLabel } from '../../../types/display'
import { formatTime } from './format'
import './Trail.scss'

/** What a row's detail adds: the self-check score of a submission. */
function detailText(row: AuditRow): string {
  const { score, total } = row.detail ?? {}
  if (typeof score !== 'number') return ''
  return typeof total === 'number' ? `自评得分：${score} / ${total}` : `自评得分：${score}`
}

/**
 * 审核信息: who did what to a record, when, with which comment (newest first, as the functions
 * answer). Shared by 待办事项 and 安全检查.
 */
export default function Trail({ rows, testId = 'trail' }: { rows: AuditRow[]; testId?: string }) {
  if (rows.length === 0) {
    return (
      <View className="trail trail--empty" data-testid={testId}>
        <Text>暂无审核信息</Text>
      </View>
    )
  }
  return (
    <View className="trail" data-testid={testId}>
      {rows.map((r) => {
        // An applicant has no account yet when the row is written: the row names them.
        const named = typeof r.detail?.name === 'string' ? r.detail.name : ''
        const actor = r.actorName ?? named
        const roleCode = r.actorRole ?? (typeof r.detail?.role === 'string' ? r.detail.role : '')
        const role = actor ? roleLabel(roleCode) : ''
        const detail = detailText(r)
        return (
          <View key={r._id} className="trail__row" data-testid="trail-row" data-action={r.action}>
            <View className="trail__dot" />
            <View className="trail__body">
              <View className="trail__head">
                <Text className="trail__label" data-testid="trail-label">
                  {r.label ?? r.action}
                </Text>
                <Text className="trail__time">{formatTime(r.at)}</Text>
              </View>
              <Text className="trail__line">
                操作人：{actor || '—'}
                {role ? `（${role}）` : ''}
              </Text>
              {detail ? <Text className="trail__line">{detail}</Text> : null}
              {r.comment ? (
                <Text className="trail__comment" data-testid="trail-comment">
                  意见：{r.comment}
                </Text>
              ) : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}
