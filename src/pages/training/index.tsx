import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 观看宣传培训: placeholder until the module is built. */
export default function TrainingPage() {
  return <ModulePlaceholder code="training" />
}
