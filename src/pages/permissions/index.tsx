import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 权限管理: placeholder until the module is built. */
export default function PermissionsPage() {
  return <ModulePlaceholder code="permissions" />
}
