import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 大额资金转账: placeholder until the module is built. */
export default function TransfersPage() {
  return <ModulePlaceholder code="transfers" />
}
