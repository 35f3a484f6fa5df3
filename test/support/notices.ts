import { chinaDay } from '../../types/disclosure'

const DAY = 86_400_000

/**
 * The event of disclosure's `publish` for a 通知公告 without attachments, in force from today for a
 * week: a notice the tests then act on through the page.
 */
export function weekNotice(title: string, content: string, requestId: string) {
  return {
    action: 'publish',
    category: '通知公告',
    title,
    content,
    validFrom: chinaDay(Date.now()),
    validUntil: chinaDay(Date.now() + 7 * DAY),
    attachments: [],
    requestId,
  }
}
