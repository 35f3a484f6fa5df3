import { Text, View } from '@tarojs/components'
import type { AuditRow } from '../../../types/permissions'
import { actorOf, dateTime } from './format'

/** 审核信息: who did what to the edition, when, with which comment (newest first). */
export default function Trail({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return null
  return (
    <View className="card pk-trail" data-testid="parking-trail">
      <Text className="card__title">审核信息</Text>
      {rows.map((r) => (
        <View key={r._id} className="pk-trail__row" data-testid="trail-row">
          <View className="pk-trail__head">
            <Text className="pk-trail__label">{r.label ?? r.action}</Text>
            <Text className="pk-trail__time">{dateTime(r.at)}</Text>
          </View>
          <Text className="pk-trail__actor">{actorOf(r)}</Text>
          {r.comment ? <Text className="pk-trail__comment">原因：{r.comment}</Text> : null}
        </View>
      ))}
    </View>
  )
}
