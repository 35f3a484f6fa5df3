import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 业主评价情况: placeholder until the module is built. */
export default function EvaluationPage() {
  return <ModulePlaceholder code="evaluation" />
}
