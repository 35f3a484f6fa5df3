import { Text, View } from '@tarojs/components'
import type { Course } from '../../../types/training'
import { dateText, durationText } from './format'

/** 必修 / 选修. */
export function RequiredTag({ required }: { required: boolean }) {
  return (
    <Text
      className={`course-tag ${required ? 'course-tag--required' : 'course-tag--optional'}`}
      data-testid="course-required"
    >
      {required ? '必修' : '选修'}
    </Text>
  )
}

/** 时长 · 发布单位 · 截止日期 of a course. */
export function CourseMeta({ course, overdue }: { course: Course; overdue?: boolean }) {
  return (
    <View className="course-meta">
      <Text className="course-meta__line" data-testid="course-duration">
        时长 {durationText(course.durationSec)} · {course.hours}学时
      </Text>
      <Text className="course-meta__line" data-testid="course-issuer">
        发布单位：{course.issuer}
      </Text>
      {course.dueAt ? (
        <Text
          className={`course-meta__line${overdue ? ' course-meta__line--overdue' : ''}`}
          data-testid="course-due"
        >
          截止日期：{dateText(course.dueAt)}
          {overdue ? '（已逾期）' : ''}
        </Text>
      ) : null}
    </View>
  )
}
