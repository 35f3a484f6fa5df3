/**
 * 小区气象公告栏 through the real weather function against the QWeather stand-in the local cloud
 * starts (same paths, key header, gzip, error answers): warnings first, a cache that spares the
 * provider (one call per place per TTL, even under a burst), and each provider failure answered
 * with the last data marked stale or a clear error.
 */
import { WeatherContract } from '../../types/weather'
import { clock, expectError, expectOk, caller } from './helpers'
import { fileCloud } from './setup'

const cloud = fileCloud()
let tick: (ms: number) => Promise<void>
const weather = caller(cloud, WeatherContract, 'demo-handler')
const TTL = 10 * 60_000

beforeAll(async () => {
  tick = clock(cloud)
}, 60_000)
afterEach(() =>
  cloud.qweather({ warnings: [], overQuota: false, down: false, key: 'local-qweather-key' }),
)

describe('the board', () => {
  it('shows the caller’s 小区 with now and 7 days, warnings first when one is in force', async () => {
    const board = expectOk(await weather('board', {}))
    expect(board.place).toMatchObject({ name: '阳光花园', street: '粤海街道' })
    expect(board.now!.temp).toMatch(/^-?\d+$/)
    expect(board.daily).toHaveLength(7)
    expect(board.warnings).toEqual([])

    await cloud.qweather({
      warnings: [
        { at: '*', type: '暴雨', colour: 'yellow' },
        { at: '*', type: '台风', colour: 'orange' },
      ],
    })
    await tick(TTL + 1000)
    const warned = expectOk(await weather('board', {}))
    expect(
      warned.warnings.map((w: { type: string; colour: string }) => [w.type, w.colour]),
    ).toEqual([
      ['台风', '橙'],
      ['暴雨', '黄'],
    ])
    expect(warned.warnings[1].guidance).toContain('排水')
  })

  it('finds places by 小区, 街道 or district, literally, and remembers the choice', async () => {
    const byStreet = expectOk(await weather('search', { keyword: '沙头' }))
    expect(byStreet.map((p: { name: string }) => p.name)).toContain('海滨广场')
    const byDistrict = expectOk(await weather('search', { keyword: '龙岗' }))
    expect(byDistrict[0]).toMatchObject({ _id: 'qw-101280606', district: '龙岗区' })
    expect(expectOk(await weather('search', { keyword: '.*' }))).toEqual([])
    expectError(await weather('search', { keyword: '长'.repeat(31) }), 'BAD_INPUT')

    expectOk(await weather('choose', { placeId: 'qw-101280606' }, 'demo-manager'))
    const mine = expectOk(await weather('board', {}, 'demo-manager'))
    expect(mine.place.name).toBe('龙岗')
    // Another person's choice is their own.
    expect(expectOk(await weather('board', {})).place.name).toBe('阳光花园')
  })
})

describe('the cache', () => {
  it('costs no provider call within its time to live, one after it', async () => {
    await weather('board', { placeId: 'wp-p-haibin' })
    const before = (await cloud.qweather()).requests.now
    await weather('board', { placeId: 'wp-p-haibin' })
    expect((await cloud.qweather()).requests.now).toBe(before)
    await tick(TTL + 1000)
    await weather('board', { placeId: 'wp-p-haibin' })
    expect((await cloud.qweather()).requests.now).toBe(before + 1)
  })

  it('makes one provider call for a burst of viewers of an old or new place', async () => {
    await tick(TTL + 1000)
    for (const placeId of ['wp-p-yangguang', 'qw-101280602']) {
      if (placeId.startsWith('qw-')) await weather('search', { keyword: '罗湖' })
      const before = (await cloud.qweather()).requests.now
      const replies = await Promise.all(
        Array.from({ length: 20 }, () => weather('board', { placeId })),
      )
      for (const r of replies) expectOk(r)
      expect({ placeId, calls: (await cloud.qweather()).requests.now - before }).toEqual({
        placeId,
        calls: 1,
      })
    }
  })
})

describe('when the provider fails', () => {
  it.each([
    ['a refused key', { key: 'rotated-key' }],
    ['an exhausted quota', { overQuota: true }],
    ['an outage', { down: true }],
  ])('shows the last answer marked stale on %s', async (_why, failure) => {
    const fresh = expectOk(await weather('board', { placeId: 'wp-p-haibin' }))
    await cloud.qweather(failure)
    await tick(TTL + 1000)
    const stale = expectOk(await weather('board', { placeId: 'wp-p-haibin' }))
    expect(stale).toMatchObject({ stale: true, updatedAt: fresh.updatedAt })
    expect(stale.daily).toEqual(fresh.daily)
    // The provider is spared for 30 s after a failure, then asked again.
    const calls = (await cloud.qweather()).requests.now
    await weather('board', { placeId: 'wp-p-haibin' })
    expect((await cloud.qweather()).requests.now).toBe(calls)
    await cloud.qweather({ overQuota: false, down: false, key: 'local-qweather-key' })
    await tick(31_000)
    expect(expectOk(await weather('board', { placeId: 'wp-p-haibin' })).stale).toBe(false)
  })

  it('marks an answer past its time to live stale on every view of the pause, with the seconds left', async () => {
    const fresh = expectOk(await weather('board', { placeId: 'wp-p-haibin' }))
    await cloud.qweather({ down: true })
    await tick(TTL + 1000)
    const first = expectOk(await weather('board', { placeId: 'wp-p-haibin' }))
    expect(first).toMatchObject({ stale: true, updatedAt: fresh.updatedAt, retryAfterSec: 30 })
    // While the provider is spared, every view says the same: old data, and when to try again.
    await tick(10_000)
    const later = expectOk(await weather('board', { placeId: 'wp-p-haibin' }))
    expect(later).toMatchObject({ stale: true, updatedAt: fresh.updatedAt })
    expect(later.retryAfterSec).toBeGreaterThanOrEqual(19)
    expect(later.retryAfterSec).toBeLessThanOrEqual(20)
    await cloud.qweather({ down: false })
    await tick(21_000)
    const back = expectOk(await weather('board', { placeId: 'wp-p-haibin' }))
    expect(back.stale).toBe(false)
    expect(back.retryAfterSec).toBeUndefined()
  })

  it('tells how many seconds until another try can help when nothing is cached', async () => {
    expectOk(await weather('search', { keyword: '坪山' }))
    await cloud.qweather({ down: true })
    const reply = await weather('board', { placeId: 'qw-101280609' })
    expectError(reply, 'UPSTREAM_FAILED')
    expect(!reply.ok && reply.error).toMatchObject({ retryAfterSec: 30 })
    await tick(12_000)
    const again = await weather('board', { placeId: 'qw-101280609' })
    expectError(again, 'UPSTREAM_FAILED')
    const left = !again.ok && (again.error as { retryAfterSec?: number }).retryAfterSec
    expect(left).toBeGreaterThanOrEqual(17)
    expect(left).toBeLessThanOrEqual(18)
  })

  it('says so clearly when nothing is cached yet', async () => {
    expectOk(await weather('search', { keyword: '盐田' }))
    await cloud.qweather({ overQuota: true })
    const reply = await weather('board', { placeId: 'qw-101280607' })
    expectError(reply, 'UPSTREAM_FAILED')
    expect(!reply.ok && reply.error.message).toBe('天气数据暂时无法获取，请稍后刷新')
  })
})
