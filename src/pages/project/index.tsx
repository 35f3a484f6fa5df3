import ModulePlaceholder from '../../components/ModulePlaceholder'

/** 项目管理: placeholder until the module is built. */
export default function ProjectPage() {
  return <ModulePlaceholder code="project" />
}
