import { Text, View } from '@tarojs/components'
import type { AuditRow } from '../../../types/permissions'
import { cstDateTime, roleLabel } from '../../../types/display'
import { withClassName } from '../className'
import './index.scss'

/** What a row's detail adds: the self-check score of a submission. */
function detailText(row: AuditRow): string {
  const { score, total } = row.detail ?? {}
  if (typeof score !== 'number') return ''
  return typeof total === 'number' ? `自评得分：${score} / ${total}` : `自评得分：${score}`
}

/**
 * 审核信息: who did what to a record, when, with which comment (newest first, as the functions
 * answer). Shared by 待办事项 and 安全检查; its classes (`kit-trail…`) are global, as every
 * stylesheet of src/components is, and kept apart from the modules' own `.trail`s by the prefix.
 */
export interface AuditTrailProps {
  /** The record's audit rows, newest first (an empty list says 暂无审核信息). */
  rows: AuditRow[]
  /** `data-testid` of the trail (default `trail`; each row is `trail-row`). */
  testId?: string
  /** Classes added to the trail's root, after its own. */
  className?: string
}

export default function AuditTrail({ rows, testId = 'trail', className }: AuditTrailProps) {
  if (rows.length === 0) {
    return (
      <View className={withClassName('kit-trail kit-trail--empty', className)} data-testid={testId}>
        <Text>暂无审核信息</Text>
      </View>
    )
  }
  return (
    <View className={withClassName('kit-trail', className)} data-testid={testId}>
      {rows.map((r) => {
        // An applicant has no account yet when the row is written: the row names them.
        const named = typeof r.detail?.name === 'string' ? r.detail.name : ''
        const actor = r.actorName ?? named
        const roleCode = r.actorRole ?? (typeof r.detail?.role === 'string' ? r.detail.role : '')
        const role = actor ? roleLabel(roleCode) : ''
        const detail = detailText(r)
        return (
          <View
            key={r._id}
            className="kit-trail__row"
            data-testid="trail-row"
            data-action={r.action}
          >
            <View className="kit-trail__dot" />
            <View className="kit-trail__body">
              <View className="kit-trail__head">
                <Text className="kit-trail__label" data-testid="trail-label">
                  {r.label ?? r.action}
                </Text>
                <Text className="kit-trail__time">{cstDateTime(r.at)}</Text>
              </View>
              <Text className="kit-trail__line">
                操作人：{actor || '—'}
                {role ? `（${role}）` : ''}
                {/* Changes made on a computer say so; the phone is the default door. */}
                {r.door === '电脑端' ? ' · 电脑端' : ''}
              </Text>
              {detail ? <Text className="kit-trail__line">{detail}</Text> : null}
              {r.comment ? (
                <Text className="kit-trail__comment" data-testid="trail-comment">
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
