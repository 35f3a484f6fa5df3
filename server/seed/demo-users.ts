/**
 * The named demo identities of the local cloud. Each stands in for a WeChat OPENID; the dev-only
 * identity switcher (H5) and tests pick one. Their records are created by demoData().
 */
export interface DemoUser {
  openid: string
  label: string
  description: string
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    openid: 'demo-manager',
    label: '项目负责人 · 张建国',
    description: '阳光花园项目负责人（已认证）',
  },
  {
    openid: 'demo-handler',
    label: '经办人 · 李晓华',
    description: '阳光花园经办人（已授权部分模块）',
  },
  {
    openid: 'demo-pending',
    label: '待授权经办人 · 王芳',
    description: '阳光花园经办人（等待负责人授权）',
  },
  { openid: 'demo-newcomer', label: '新用户', description: '尚未进行身份认证的微信用户' },
  {
    openid: 'demo-manager2',
    label: '项目负责人 · 陈志强',
    description: '海滨广场项目负责人（另一个项目）',
  },
]

export const DEFAULT_DEMO_OPENID = 'demo-handler'
