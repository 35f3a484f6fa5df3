import { Text, View } from '@tarojs/components'
import { QueryContract, TRAINING_RESULTS, type TrainingOutcome } from '../../../types/query'
import CloudView from '../../components/CloudView'
import { useModuleCall } from '../../hooks/useModuleCall'

/** A training's result (合格 …) in its colour. */
export function ResultTag({ result }: { result: TrainingOutcome }) {
  return <Text className={`result-tag result-tag--${result}`}>{TRAINING_RESULTS[result]}</Text>
}

/** 详情: the person, each course with its hours and result, and the certificate. */
export default function TrainingDetail({ resultId }: { resultId: string }) {
  const detail = useModuleCall(QueryContract, 'trainingDetail', { resultId })
  return (
    <CloudView state={detail}>
      {(d) => (
        <View className="training-detail" data-testid="training-detail">
          <View className="training-detail__section">
            <Text className="training-detail__name">{d.name}</Text>
            <ResultTag result={d.result} />
          </View>
          <View className="kv">
            <Text className="kv__k">身份证号码</Text>
            <Text className="kv__v" data-testid="detail-id">
              {d.idNoMasked || '—'}
            </Text>
            <Text className="kv__k">岗位</Text>
            <Text className="kv__v">{d.position ?? '—'}</Text>
            <Text className="kv__k">小区</Text>
            <Text className="kv__v">{d.projectName || '—'}</Text>
            <Text className="kv__k">公司名称</Text>
            <Text className="kv__v">{d.company}</Text>
            <Text className="kv__k">培训时间</Text>
            <Text className="kv__v">
              {d.startDate} 至 {d.endDate ?? '今'}
            </Text>
            <Text className="kv__k">获得学时</Text>
            <Text className="kv__v" data-testid="detail-hours">
              {d.totalHours} 学时
            </Text>
          </View>
          <Text className="training-detail__heading">培训课程（{d.courses.length}）</Text>
          {d.courses.map((c, i) => (
            <View key={`${c.title}-${i}`} className="course" data-testid="detail-course">
              <View className="course__head">
                <Text className="course__title">{c.title}</Text>
                <Text className={`course__result${c.passed ? ' course__result--passed' : ''}`}>
                  {c.passed ? '合格' : c.finishedAt ? '不合格' : '学习中'}
                </Text>
              </View>
              <Text className="course__meta">
                {c.hours} 学时{c.score != null ? ` · 成绩 ${c.score} 分` : ''}
                {c.finishedAt ? ` · ${c.finishedAt} 完成` : ''}
              </Text>
            </View>
          ))}
          <Text className="training-detail__heading">培训证书</Text>
          {d.certificate ? (
            <View className="certificate" data-testid="detail-certificate">
              <Text className="certificate__no">证书编号 {d.certificate.no}</Text>
              <Text className="certificate__meta">发证单位 {d.certificate.issuer}</Text>
              <Text className="certificate__meta">
                发证日期 {d.certificate.issuedAt}
                {d.certificate.validUntil ? ` · 有效期至 ${d.certificate.validUntil}` : ''}
              </Text>
            </View>
          ) : (
            <Text className="certificate certificate--none" data-testid="detail-no-certificate">
              {d.result === 'passed' ? '证书待发放' : '培训合格后发放证书'}
            </Text>
          )}
        </View>
      )}
    </CloudView>
  )
}
