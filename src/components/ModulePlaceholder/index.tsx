import { Text, View } from '@tarojs/components'
import { MODULES, type ModuleCode } from '../../../types/modules'
import EmptyState from '../EmptyState'
import ModuleGate from '../ModuleGate'
import { withClassName } from '../className'
import './index.scss'

export interface ModulePlaceholderProps {
  /** The module it stands in for (its title and icon come from the module list). */
  code: ModuleCode
  /** Classes added to the page's root, after its own. */
  className?: string
}

/** Stands in for a module's page until the module is built (opened only with the module). */
export default function ModulePlaceholder({ code, className }: ModulePlaceholderProps) {
  const mod = MODULES.find((m) => m.code === code)
  const title = mod?.title ?? code
  return (
    <View className={withClassName('page module-placeholder', className)}>
      <Text className="module-placeholder__title">{title}</Text>
      <ModuleGate code={code}>
        <EmptyState icon={mod?.icon} title="该模块正在建设中" description="敬请期待" />
      </ModuleGate>
    </View>
  )
}
