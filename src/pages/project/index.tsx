import { View } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import { PROJECT_TABS, type ProjectTab } from '../../../types/project'
import { modulePage } from '../../components/ModuleGate'
import Tabs from '../../components/Tabs'
import { BasicTab, CommitteeTab, CompanyTab, OwnersTab, PartyTab, StaffTab } from './tabs/Profile'
import type { TabProps } from './tabs/props'
import { ContractsTab, FacilitiesTab, FundTab, SafetyTab, VotingTab } from './tabs/Records'
import './index.scss'

const TAB_VIEWS: Record<ProjectTab, ComponentType<TabProps>> = {
  basic: BasicTab,
  staff: StaffTab,
  company: CompanyTab,
  committee: CommitteeTab,
  party: PartyTab,
  owners: OwnersTab,
  safety: SafetyTab,
  voting: VotingTab,
  facilities: FacilitiesTab,
  contracts: ContractsTab,
  fund: FundTab,
}

const TAB_ITEMS = (Object.keys(PROJECT_TABS) as ProjectTab[]).map((key) => ({
  key,
  title: PROJECT_TABS[key],
}))

/**
 * 项目管理 → 项目信息 (manual §11): eleven tabs of what the platform holds about the project, each
 * loaded when opened; long lists page as they scroll. A manager of several projects switches
 * project above (the gate's switcher): the tabs start over for the chosen one.
 */
function ProjectInfo({ projectId }: { projectId: string | undefined }) {
  const [tab, setTab] = useState<ProjectTab>('basic')
  const View_ = TAB_VIEWS[tab]
  return (
    <View className="project-info">
      <Tabs testId="project-tabs" scroll items={TAB_ITEMS} current={tab} onChange={setTab} />
      <View className="project-info__body" data-testid={`project-tab-${tab}`}>
        <View_ key={tab} projectId={projectId} />
      </View>
    </View>
  )
}

export default modulePage('project', ProjectInfo, { className: 'project-page' })
