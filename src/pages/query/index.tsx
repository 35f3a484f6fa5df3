import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 信息综合查询: placeholder until the module is built. */
export default function QueryPage() {
  return <ModulePlaceholder code="query" />
}
