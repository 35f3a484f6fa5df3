import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 共有资金情况: placeholder until the module is built. */
export default function FundsPage() {
  return <ModulePlaceholder code="funds" />
}
