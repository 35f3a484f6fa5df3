import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 安全检查: placeholder until the module is built. */
export default function SafetyPage() {
  return <ModulePlaceholder code="safety" />
}
