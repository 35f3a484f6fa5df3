import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 待办事项: placeholder until the module is built. */
export default function TodosPage() {
  return <ModulePlaceholder code="todos" />
}
