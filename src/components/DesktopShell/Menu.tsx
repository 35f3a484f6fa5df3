import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import type { ModuleCode } from '../../../types/modules'
import { modulePath } from '../../../types/modules'
import { HOME_PATH, menuModules, moduleOfPath } from './links'
import { openPage } from './navigation'

const ITEM = 'kit-desktop-menu__item'
const itemClass = (current: boolean) => (current ? `${ITEM} ${ITEM}--current` : ITEM)

/** At the left: 首页 and the modules the account holds (home's grid), the current one marked. */
export default function Menu({ modules, path }: { modules: readonly ModuleCode[]; path: string }) {
  const here = moduleOfPath(path)
  return (
    <View className="kit-desktop-menu" data-testid="desktop-menu">
      <View
        className={itemClass(path === HOME_PATH)}
        data-testid="desktop-menu-home"
        onClick={() => openPage(HOME_PATH)}
      >
        <AtIcon value="home" size="18" />
        <Text className="kit-desktop-menu__title">首页</Text>
      </View>
      {menuModules(modules).map((m) => (
        <View
          key={m.code}
          className={itemClass(m.code === here)}
          data-testid={`desktop-menu-module-${m.code}`}
          onClick={() => openPage(modulePath(m.code))}
        >
          <AtIcon value={m.icon} size="18" />
          <Text className="kit-desktop-menu__title">{m.title}</Text>
        </View>
      ))}
    </View>
  )
}
