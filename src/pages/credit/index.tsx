import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 信用信息: placeholder until the module is built. */
export default function CreditPage() {
  return <ModulePlaceholder code="credit" />
}
