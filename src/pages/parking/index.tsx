import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 车位信息公开: placeholder until the module is built. */
export default function ParkingPage() {
  return <ModulePlaceholder code="parking" />
}
