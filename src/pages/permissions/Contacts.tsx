import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtAvatar, AtButton, AtFloatLayout, AtIcon } from 'taro-ui'
import { roleLabel } from '../../../types/display'
import type { Contact } from '../../../types/permissions'
import CloudView from '../../components/CloudView'
import EmptyState from '../../components/EmptyState'
import type { CloudState } from '../../hooks/useCloud'
import { COLORS } from '../../styles/colors'
import { callPhone } from './util'

function ProfileRow({
  label,
  value,
  onClick,
}: {
  label: string
  value: string
  onClick?: () => void
}) {
  return (
    <View className="profile__row" onClick={onClick}>
      <Text className="profile__label">{label}</Text>
      <Text className={`profile__value${onClick ? ' profile__value--link' : ''}`}>{value}</Text>
    </View>
  )
}

/**
 * The line under a contact's name, the same for everyone of a kind: a company head's company, a
 * manager's project. (A registry title such as 项目经理 is in the profile, as 职务.)
 */
function subline(c: Contact, projectName: string | undefined): string {
  return c.company || projectName || ''
}

interface Props {
  state: CloudState<Contact[]>
  /** The project whose people these are. */
  projectName?: string
}

/** 企业和项目负责人: name, role and phone; the avatar opens the person's profile. */
export default function Contacts({ state, projectName }: Props) {
  const [profile, setProfile] = useState<Contact | null>(null)
  const [open, setOpen] = useState(false)

  return (
    <View className="contacts" data-testid="contacts">
      <Text className="section-title">企业和项目负责人</Text>
      <CloudView state={state}>
        {(list) =>
          list.length === 0 ? (
            <View className="card">
              <EmptyState icon="user" title="暂无负责人信息" />
            </View>
          ) : (
            <View className="list-card">
              {list.map((c) => (
                <View
                  key={`${c.kind}-${c._id}`}
                  className="contact-row"
                  data-kind={c.kind}
                  data-testid="contact-row"
                >
                  <View
                    className="contact-row__avatar"
                    data-testid="contact-avatar"
                    onClick={() => {
                      setProfile(c)
                      setOpen(true)
                    }}
                  >
                    <AtAvatar circle text={c.name} size="normal" />
                  </View>
                  <View
                    className="contact-row__main"
                    onClick={() => {
                      setProfile(c)
                      setOpen(true)
                    }}
                  >
                    <View className="contact-row__name-line">
                      <Text className="contact-row__name">{c.name}</Text>
                      <Text className={`tag tag--${c.kind}`}>{roleLabel(c.kind) || c.title}</Text>
                    </View>
                    {subline(c, projectName) ? (
                      <Text className="contact-row__title">{subline(c, projectName)}</Text>
                    ) : null}
                  </View>
                  <View className="contact-row__phone" onClick={() => callPhone(c.phone)}>
                    <AtIcon value="phone" size="16" color={COLORS.primary} />
                    <Text className="contact-row__phone-text">{c.phone}</Text>
                  </View>
                </View>
              ))}
            </View>
          )
        }
      </CloudView>

      <AtFloatLayout
        className="profile"
        isOpened={open}
        title="人员信息"
        scrollY
        onClose={() => setOpen(false)}
      >
        {profile ? (
          <View className="profile__body">
            <View className="profile__head">
              <AtAvatar circle text={profile.name} size="large" />
              <Text className="profile__name">{profile.name}</Text>
              <Text className="profile__title">{roleLabel(profile.kind) || profile.title}</Text>
            </View>
            <ProfileRow label="姓名" value={profile.name} />
            <ProfileRow label="职务" value={profile.title} />
            {profile.company ? <ProfileRow label="所属企业" value={profile.company} /> : null}
            <ProfileRow
              label="手机号码"
              value={profile.phone}
              onClick={() => callPhone(profile.phone)}
            />
            <View className="profile__actions">
              <AtButton type="primary" onClick={() => callPhone(profile.phone)}>
                拨打电话
              </AtButton>
            </View>
          </View>
        ) : null}
      </AtFloatLayout>
    </View>
  )
}
