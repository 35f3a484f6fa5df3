import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 小区气象公告栏: placeholder until the module is built. */
export default function WeatherPage() {
  return <ModulePlaceholder code="weather" />
}
