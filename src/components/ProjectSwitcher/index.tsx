import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtActionSheet, AtActionSheetItem, AtIcon } from 'taro-ui'
import { useSession } from '../../session'
import { COLORS } from '../../styles/colors'
import { withClassName } from '../className'
import './index.scss'

export interface ProjectSwitcherProps {
  /** Classes added to the switcher's root, after its own. */
  className?: string
}

/**
 * 当前项目 with 切换项目, for people of several projects (a manager of two 小区): the choice is
 * remembered (useSession().setProjectId) and every module call of the pages takes it as
 * `projectId`. Renders nothing for one project.
 */
export default function ProjectSwitcher({ className }: ProjectSwitcherProps) {
  const { session, project, setProjectId } = useSession()
  const [open, setOpen] = useState(false)
  const projects = session?.projects ?? []
  if (projects.length < 2) return null

  return (
    <View className={withClassName('project-switcher', className)}>
      <View
        className="project-switcher__bar"
        data-testid="project-switcher"
        onClick={() => setOpen(true)}
      >
        <AtIcon value="home" size="18" color={COLORS.primary} />
        <Text className="project-switcher__label">当前项目</Text>
        <Text className="project-switcher__name" data-testid="project-switcher-current">
          {project?.name ?? '请选择项目'}
        </Text>
        <Text className="project-switcher__action">切换项目</Text>
        <AtIcon value="chevron-down" size="14" color={COLORS.primary} />
      </View>
      <AtActionSheet
        className="project-switcher__sheet"
        isOpened={open}
        title="切换项目"
        cancelText="取消"
        onClose={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      >
        {projects.map((p) => (
          <AtActionSheetItem
            key={p._id}
            onClick={() => {
              setOpen(false)
              if (p._id !== project?._id) setProjectId(p._id)
            }}
          >
            <View
              className={`project-switcher__option${p._id === project?._id ? ' project-switcher__option--on' : ''}`}
              data-testid={`project-option-${p._id}`}
            >
              <Text>{p.name}</Text>
              <Text className="project-switcher__code">{p.code}</Text>
            </View>
          </AtActionSheetItem>
        ))}
      </AtActionSheet>
    </View>
  )
}
