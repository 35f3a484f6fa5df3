/**
 * docs/storage-rules.json, the cloud-storage security rules a deployer pastes into the console
 * (README › Deploying): evaluated as WeChat evaluates them — `auth` the phone's identity,
 * `resource` the file (its creator's openid and its path) — against the paths the functions use.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

type Auth = { openid: string } | null
type Resource = { openid: string; path: string }
const rules = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'docs', 'storage-rules.json'), 'utf8'),
) as Record<'read' | 'write', string>

// The rule language is a subset of JavaScript expressions (==, &&, ||, regex literals' test).
const allows = (op: 'read' | 'write', auth: Auth, resource: Resource): boolean =>
  new Function('auth', 'resource', `return (${rules[op]})`)(auth, resource) === true

const A = { openid: 'o-phone-a' }
const SLOT = 'safety/p-yangguang/sc-2026h2/XF-01/8ee0d106a94b347c2727b46e.jpg'
const ATTACHMENT = 'disclosure/p-yangguang/2026-05/k1.pdf'

describe('storage security rules', () => {
  it('let a phone create its own upload where the functions hand out slots', () => {
    // A file being created belongs to whoever uploads it.
    for (const path of [SLOT, ATTACHMENT]) {
      expect(allows('write', A, { openid: A.openid, path })).toBe(true)
    }
  })

  it('stop a phone overwriting or deleting a file it did not create', () => {
    for (const path of [SLOT, ATTACHMENT]) {
      expect(allows('write', A, { openid: 'o-phone-b', path })).toBe(false)
      expect(allows('write', A, { openid: '', path })).toBe(false)
      expect(allows('write', null, { openid: A.openid, path })).toBe(false)
    }
  })

  it('let no phone write where only functions and the console write', () => {
    for (const path of [
      'kept/safety/p-yangguang/sc-2026h2/XF-01/a.png',
      'exports/filings/a-li/1-x.xlsx',
      'training/c-fire.mp4',
      'safetyX/a.png',
    ]) {
      expect(allows('write', A, { openid: A.openid, path })).toBe(false)
    }
  })

  it('let a phone read its own files and the exports it downloads by fileID, nothing else', () => {
    expect(allows('read', A, { openid: A.openid, path: SLOT })).toBe(true)
    expect(allows('read', A, { openid: '', path: 'exports/filings/a-li/1-x.xlsx' })).toBe(true)
    expect(allows('read', A, { openid: 'o-phone-b', path: SLOT })).toBe(false)
    expect(allows('read', null, { openid: '', path: 'exports/filings/a-li/1-x.xlsx' })).toBe(false)
    // What functions and the console wrote reaches phones as temporary URLs only.
    for (const path of ['training/c-fire.mp4', 'kept/safety/p-yangguang/sc-2026h2/XF-01/a.png']) {
      expect(allows('read', A, { openid: '', path })).toBe(false)
    }
  })
})
