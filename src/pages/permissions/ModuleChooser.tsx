import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton, AtCheckbox, AtFloatLayout } from 'taro-ui'
import { GRANTABLE_MODULES, moduleTitle, type ModuleCode } from '../../../types/modules'
import { PermissionsInput } from '../../../types/permissions'

const OPTIONS = GRANTABLE_MODULES.map((code) => ({ value: code, label: moduleTitle(code) }))

interface Props {
  open: boolean
  title: string
  /** Who the modules are for, shown above the list. */
  who: string
  initial: readonly ModuleCode[]
  confirmText: string
  busy: boolean
  onConfirm: (modules: ModuleCode[]) => void
  onClose: () => void
}

/** Checkbox list of the grantable modules (授权 / 调整模块). */
export default function ModuleChooser(props: Props) {
  const { open, title, who, initial, confirmText, busy, onConfirm, onClose } = props
  const [selected, setSelected] = useState<ModuleCode[]>([])
  const [error, setError] = useState('')

  // Each opening starts from the handler's current modules.
  const [wasOpen, setWasOpen] = useState(false)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) {
      setSelected(GRANTABLE_MODULES.filter((m) => initial.includes(m)))
      setError('')
    }
  }

  const confirm = () => {
    // Keep the manual's order whatever order the boxes were ticked in.
    const modules = GRANTABLE_MODULES.filter((m) => selected.includes(m))
    const r = PermissionsInput.authorize.shape.modules.safeParse(modules)
    if (!r.success) {
      setError(r.error.issues[0].message)
      return
    }
    onConfirm(modules)
  }

  const all = selected.length === GRANTABLE_MODULES.length

  return (
    <AtFloatLayout
      className="module-chooser"
      isOpened={open}
      title={title}
      scrollY
      onClose={onClose}
    >
      <View className="sheet">
        <View className="sheet__bar">
          <Text className="sheet__who">{who}</Text>
          <Text
            className="sheet__link"
            onClick={() => {
              setSelected(all ? [] : [...GRANTABLE_MODULES])
              setError('')
            }}
          >
            {all ? '清空' : '全选'}
          </Text>
        </View>
        <AtCheckbox
          options={OPTIONS}
          selectedList={selected}
          onChange={(v: ModuleCode[]) => {
            setSelected(v)
            setError('')
          }}
        />
        {error ? <Text className="sheet__error">{error}</Text> : null}
        <View className="sheet__actions">
          <AtButton onClick={onClose}>取消</AtButton>
          <AtButton type="primary" loading={busy} onClick={confirm}>
            {confirmText}
          </AtButton>
        </View>
      </View>
    </AtFloatLayout>
  )
}
