/**
 * 业主评价情况 in the BUILT mini program (dist/weapp) under miniprogram-simulate, its data from the
 * real evaluation function over the local cloud: the ranking with the caller's own entry pinned,
 * and 评价统计 with the Canvas 2D host of the chart and the table of every quarter. ECharts lives
 * in the evaluation subpackage only.
 */
const fs = require('node:fs')
const path = require('node:path')
const { DIST, until, distFiles } = require('./harness')
const { useWeapp } = require('./app')

const PAGE = 'pages/evaluation/index'

const openid = 'demo-manager'

/**
 * A Canvas 2D node as WeChat's selector query hands it over, with a context that records what is
 * drawn (measureText answers a width; gradients take colour stops).
 */
function fakeCanvas() {
  const calls = []
  const props = {}
  const ctx = new Proxy(
    {},
    {
      get(_, key) {
        if (key in props) return props[key]
        if (key === 'measureText') return (text) => ({ width: String(text).length * 7 })
        if (['createLinearGradient', 'createRadialGradient', 'createPattern'].includes(key))
          return () => ({ addColorStop() {} })
        if (key === 'getLineDash') return () => []
        if (typeof key !== 'string') return undefined
        return (...args) => {
          calls.push([key, ...args])
        }
      },
      set(_, key, value) {
        props[key] = value
        return true
      },
    },
  )
  return { node: { width: 300, height: 150, getContext: () => ctx }, calls }
}

/** The first node of the page's rendered tree (Taro's `root` data) that `match` accepts. */
function findNode(tree, match) {
  if (!tree || typeof tree !== 'object') return null
  if (match(tree)) return tree
  for (const child of tree.cn || []) {
    const found = findNode(child, match)
    if (found) return found
  }
  return null
}

const app = useWeapp({ caller: openid })

test('ECharts is in the evaluation subpackage and nowhere else', () => {
  // getZr: an ECharts instance method (kept by minifiers: it is a property name).
  const holders = distFiles()
    .filter((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes('getZr'))
    .map((f) => path.relative(DIST, f).split(path.sep).join('/'))
  expect(holders.length).toBeGreaterThan(0)
  expect(holders.every((f) => f.startsWith('pages/evaluation/'))).toBe(true)
})

test('评价排名 shows the ranking and the caller’s own entry pinned above it', async () => {
  const { data } = await app.cloud.call(
    'evaluation',
    { action: 'rankings', kind: 'project' },
    openid,
  )
  const page = await app.boot.openPage(PAGE)
  await until(() => page.querySelectorAll('.rank-row').length >= 20, 8000, 'the ranking')
  const text = page.dom.textContent
  expect(text).toContain('我的排名')
  expect(text).toContain(`第${data.mine.row.rank}名`)
  expect(page.querySelector('.rank-mine').dom.textContent).toContain('阳光花园')
  expect(page.querySelectorAll('.rank-row')[0].dom.textContent).toContain(data.rows[0].name)
})

test('评价统计 renders the chart’s Canvas 2D host and the table of every quarter', async () => {
  const { data } = await app.cloud.call('evaluation', { action: 'stats' }, openid)
  const page = await app.boot.openPage(PAGE)
  await until(() => page.querySelectorAll('.tabs__item').length >= 2, 8000, 'the tabs')
  page.querySelectorAll('.tabs__item')[1].dispatchEvent('tap')
  await until(
    () => page.querySelectorAll('.stats-table__row').length === data.quarters.length + 1,
    8000,
    'the table',
  )
  const canvas = page.querySelector('.stats-chart')
  expect(canvas).toBeTruthy()
  expect(canvas.dom.tagName.toLowerCase()).toContain('canvas')
  // A Canvas 2D host: the built template binds a canvas's `type` to one field of its node
  // (simulate does not reflect the attribute), and the page's node has '2d' there.
  const wxml = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8')
  const typeKey = /<canvas [^>]*type="\{\{i\.(\w+)\}\}"/.exec(wxml)[1]
  const node = findNode(page.instance.data.root, (n) => n.cl === 'stats-chart')
  expect(node && node[typeKey]).toBe('2d')
  const rows = page.querySelectorAll('.stats-table__row').slice(1)
  data.quarters.forEach((q, i) => {
    expect(rows[i].dom.textContent).toContain(q.score.toFixed(1))
    expect(rows[i].dom.textContent).toContain(String(q.count))
  })
})

test('ECharts draws the quarters on the Canvas 2D node WeChat hands over', async () => {
  const { data } = await app.cloud.call('evaluation', { action: 'stats' }, openid)
  const canvas = fakeCanvas()
  const asked = []
  const original = global.wx.createSelectorQuery
  global.wx.createSelectorQuery = () => {
    const query = {
      in: () => query,
      select: (selector) => {
        asked.push(selector)
        return query
      },
      fields: () => query,
      exec: (cb) => cb([{ node: canvas.node, width: 343, height: 260 }]),
    }
    return query
  }
  try {
    const page = await app.boot.openPage(PAGE)
    await until(() => page.querySelectorAll('.tabs__item').length >= 2, 8000, 'the tabs')
    page.querySelectorAll('.tabs__item')[1].dispatchEvent('tap')
    const latest = data.quarters[data.quarters.length - 1]
    await until(
      () => canvas.calls.some((c) => c[0] === 'fillText' && c[1] === String(latest.score)),
      8000,
      'the latest score drawn as a label',
    )
    expect(asked[0]).toMatch(/^#stats-chart-\d+$/)
    // Sized for the screen's pixel ratio, bars and a line drawn, every quarter on the axis.
    expect(canvas.node.width).toBeGreaterThanOrEqual(343)
    expect(canvas.calls.filter((c) => c[0] === 'lineTo').length).toBeGreaterThan(8)
    const texts = canvas.calls.filter((c) => c[0] === 'fillText').map((c) => c[1])
    expect(texts).toEqual(expect.arrayContaining(['综合得分', '评价数', 'Q1']))
    expect(page.dom.textContent).not.toContain('图表暂不能显示')
  } finally {
    global.wx.createSelectorQuery = original
  }
})
