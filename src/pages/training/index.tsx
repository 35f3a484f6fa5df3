import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AtIcon } from 'taro-ui'
import { progressText, TrainingContract, type CourseRow } from '../../../types/training'
import { modulePage } from '../../components/ModuleGate'
import PagedList, { type PagedListHandle } from '../../components/PagedList'
import { useReloadOnShow } from '../../hooks/usePageRefresh'
import { call } from '../../services/api'
import { COLORS } from '../../styles/colors'
import { CourseMeta, RequiredTag } from './CourseInfo'
import './training.scss'

export const playPage = (courseId: string) =>
  `/pages/training/play/index?courseId=${encodeURIComponent(courseId)}`

function CourseCard({ row, now }: { row: CourseRow; now: number }) {
  const { course, state, percent, coverUrl } = row
  const overdue = state !== 'finished' && !!course.dueAt && course.dueAt < now
  return (
    <View
      className="course-card"
      data-testid="course-card"
      data-course-id={course._id}
      data-state={state}
      onClick={() => void Taro.navigateTo({ url: playPage(course._id) })}
    >
      <View className="course-card__cover">
        {coverUrl ? (
          <Image className="course-card__image" src={coverUrl} mode="aspectFill" />
        ) : (
          <AtIcon value="video" size="32" color={COLORS.muted} />
        )}
        <View className="course-card__play">
          <AtIcon value="play" size="14" color={COLORS.onPrimary} />
        </View>
      </View>
      <View className="course-card__main">
        <View className="course-card__head">
          <RequiredTag required={course.required} />
          <Text className="course-card__title" data-testid="course-title">
            {course.title}
          </Text>
        </View>
        <CourseMeta course={course} overdue={overdue} />
        <View className="course-card__progress">
          <View className="course-bar">
            <View
              className={`course-bar__fill${state === 'finished' ? ' course-bar__fill--done' : ''}`}
              style={{ width: `${state === 'notStarted' ? 0 : percent}%` }}
            />
          </View>
          <Text
            className={`course-card__state course-card__state--${state}`}
            data-testid="course-progress"
          >
            {progressText(state, percent)}
          </Text>
        </View>
      </View>
    </View>
  )
}

/** 宣传培训课程: every published course with the caller's progress; a tap plays it. */
function CourseList({ projectId }: { projectId: string | undefined }) {
  const list = useRef<PagedListHandle | null>(null)
  const [now, setNow] = useState(() => Date.now())

  // Back from a course: its progress has moved.
  useReloadOnShow(() => {
    setNow(Date.now())
    return list.current?.reload()
  })

  return (
    <View className="course-list">
      <Text className="section-title">宣传培训课程</Text>
      <PagedList<CourseRow>
        testId="courses"
        handleRef={list}
        fetchPage={async () => ({
          rows: await call(TrainingContract, 'list', { projectId }),
          more: false,
        })}
        keyOf={(r) => r.course._id}
        renderItem={(r) => <CourseCard row={r} now={now} />}
        empty={{
          icon: 'video',
          title: '暂无培训课程',
          description: '主管部门发布课程后会出现在这里',
        }}
      />
    </View>
  )
}

/** 观看宣传培训 (manual §14): 宣传培训 → 宣传培训课程. */
export default modulePage('training', CourseList, { className: 'training' })
