import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 信息公开: placeholder until the module is built. */
export default function DisclosurePage() {
  return <ModulePlaceholder code="disclosure" />
}
