import { useRouter } from '@tarojs/taro'
import { Text, Video, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton, AtIcon } from 'taro-ui'
import {
  FINISH_RATIO,
  progressState,
  progressText,
  TrainingContract,
  type PlayInfo,
} from '../../../../types/training'
import CloudView from '../../../components/CloudView'
import EmptyState from '../../../components/EmptyState'
import ModuleGate from '../../../components/ModuleGate'
import { useModuleCall } from '../../../hooks/useModuleCall'
import { COLORS } from '../../../styles/colors'
import { CourseMeta, RequiredTag } from '../CourseInfo'
import { useProgress } from '../useProgress'
import '../training.scss'

const VIDEO_ID = 'course-video'

function Player({
  info,
  projectId,
  onReload,
}: {
  info: PlayInfo
  projectId: string | undefined
  onReload: () => void
}) {
  const { course, videoUrl, posterUrl, progress } = info
  const p = useProgress(VIDEO_ID, info, projectId)
  const state = progressState(p.server.percent, p.server.finished)
  const [broken, setBroken] = useState(false)
  const finishPercent = Math.round(FINISH_RATIO * 100)

  return (
    <View className="player" data-testid="player" data-course-id={course._id}>
      <View className="player__frame">
        {videoUrl && !broken ? (
          <Video
            id={VIDEO_ID}
            className="player__video"
            src={videoUrl}
            poster={posterUrl}
            initialTime={progress.lastPosition}
            controls
            showCenterPlayBtn
            showFullscreenBtn
            enableProgressGesture={false}
            objectFit="contain"
            onPlay={p.onPlay}
            onPause={p.onPause}
            onEnded={p.onEnded}
            onTimeUpdate={(e) => p.onTimeUpdate(e.detail.currentTime)}
            onError={() => setBroken(true)}
          />
        ) : (
          <View className="player__broken" data-testid="player-error">
            <AtIcon value="alert-circle" size="36" color={COLORS.onPrimary} />
            <Text className="player__broken-text">视频暂时无法播放，请稍后重试</Text>
            <View className="player__broken-retry" data-testid="player-retry">
              <AtButton size="small" type="primary" onClick={onReload}>
                重试
              </AtButton>
            </View>
          </View>
        )}
      </View>

      <View className="card player__card">
        <View className="player__head">
          <RequiredTag required={course.required} />
          <Text className="player__title" data-testid="player-title">
            {course.title}
          </Text>
        </View>
        <CourseMeta course={course} />
        <View className="player__progress" data-testid="player-progress">
          <View className="course-bar">
            <View
              className={`course-bar__fill${p.server.finished ? ' course-bar__fill--done' : ''}`}
              style={{ width: `${p.server.percent}%` }}
            />
          </View>
          <Text className={`player__state player__state--${state}`} data-testid="player-state">
            {state === 'inProgress' ? '已观看 ' : ''}
            {progressText(state, p.server.percent)}
          </Text>
        </View>
        <Text className="player__hint">
          {p.server.finished
            ? '本课程已完成学习，可随时回看。'
            : `观看满${finishPercent}%即完成学习；请完整观看，不能快进，已看过的部分可以回看。`}
        </Text>
        {p.failing ? (
          <Text className="player__warn" data-testid="player-report-failed">
            学习进度暂未保存，网络恢复后会继续保存
          </Text>
        ) : null}
      </View>

      {course.summary ? (
        <View className="card">
          <Text className="card__title">课程简介</Text>
          <Text className="card__text">{course.summary}</Text>
        </View>
      ) : null}
    </View>
  )
}

function PlayBody({ courseId, projectId }: { courseId: string; projectId: string | undefined }) {
  const play = useModuleCall(TrainingContract, 'play', { projectId, courseId })
  // A fresh answer (a new video address) mounts a fresh player.
  const [round, setRound] = useState(0)
  return (
    <CloudView state={play} loadingText="正在加载课程…">
      {(info) => (
        <Player
          key={round}
          info={info}
          projectId={projectId}
          onReload={() => void play.reload().then(() => setRound((r) => r + 1))}
        />
      )}
    </CloudView>
  )
}

/** One course: its video, resumed where the person left off, with the server's progress. */
export default function PlayPage() {
  const { params } = useRouter()
  const courseId = params.courseId ? decodeURIComponent(params.courseId) : ''
  return (
    <View className="page training-play">
      <ModuleGate code="training">
        {(s) =>
          courseId ? (
            <PlayBody key={s.projectId ?? ''} courseId={courseId} projectId={s.projectId} />
          ) : (
            <EmptyState icon="video" title="未指定课程" description="请从课程列表进入" />
          )
        }
      </ModuleGate>
    </View>
  )
}
