/**
 * The local cloud serves the H5 build compressed, as production static hosting does: brotli or
 * gzip by the request's Accept-Encoding (q-values honoured), `Vary: Accept-Encoding`, an ETag per
 * representation (a 304 for a matching If-None-Match), images as they are, and a rebuilt file's
 * new bytes, never a stale compressed copy.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud'

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/** One request whose body comes back as sent on the wire (fetch would decompress it). */
function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Reply> {
  return new Promise((done, reject) => {
    const req = request(new URL(path, base), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

/** A script as a build leaves it: long and repetitive, so it compresses well. */
const script = (tag: string) =>
  Array.from({ length: 2000 }, (_, i) => `function ${tag}${i}(){return "${tag}-${i}"}`).join('\n')
const APP_JS = script('a')
const INDEX = `<!doctype html><html><head><title>物业服务</title></head><body>${'<div></div>'.repeat(300)}</body></html>`
const PNG = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))

let h5: string
let data: string
let fns: string
let cloud: LocalCloud

beforeAll(async () => {
  h5 = mkdtempSync(join(tmpdir(), 'static-h5-'))
  data = mkdtempSync(join(tmpdir(), 'static-data-'))
  fns = mkdtempSync(join(tmpdir(), 'static-fns-'))
  mkdirSync(join(h5, 'js'))
  writeFileSync(join(h5, 'index.html'), INDEX)
  writeFileSync(join(h5, 'js', 'app.js'), APP_JS)
  writeFileSync(join(h5, 'logo.png'), PNG)
  cloud = await startLocalCloud({
    dataDir: data,
    port: 0,
    seed: false,
    functionsDir: fns,
    h5Dir: h5,
    qweatherStandIn: false,
  })
})

afterAll(async () => {
  await cloud?.close()
  for (const dir of [h5, data, fns]) rmSync(dir, { recursive: true, force: true })
})

const varies = (r: Reply) =>
  String(r.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding')

test('a browser that takes brotli gets brotli, smaller, with Vary and its own ETag', async () => {
  const r = await get(cloud.url, '/js/app.js', { 'accept-encoding': 'gzip, deflate, br' })
  expect(r.status).toBe(200)
  expect(r.headers['content-encoding']).toBe('br')
  expect(varies(r)).toBe(true)
  expect(Number(r.headers['content-length'])).toBe(r.body.length)
  expect(r.body.length).toBeLessThan(APP_JS.length / 5)
  expect(brotliDecompressSync(r.body).toString()).toBe(APP_JS)
  expect(r.headers['content-type']).toMatch(/^text\/javascript/)
  expect(r.headers.etag).toMatch(/^"[^"]+"$/)
})

test('gzip when brotli is not taken, by name or by q=0', async () => {
  for (const accept of ['gzip', 'gzip;q=1, br;q=0', 'br;q=0, *;q=0.5']) {
    const r = await get(cloud.url, '/js/app.js', { 'accept-encoding': accept })
    expect([accept, r.headers['content-encoding']]).toEqual([accept, 'gzip'])
    expect(gunzipSync(r.body).toString()).toBe(APP_JS)
    expect(varies(r)).toBe(true)
  }
})

test('no Accept-Encoding, or identity only: the file as it is, still with Vary', async () => {
  const cases: Record<string, string>[] = [
    {},
    { 'accept-encoding': 'identity' },
    { 'accept-encoding': 'gzip;q=0' },
  ]
  for (const headers of cases) {
    const r = await get(cloud.url, '/js/app.js', headers)
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.body.toString()).toBe(APP_JS)
    expect(varies(r)).toBe(true)
  }
})

test('each representation has its own ETag; If-None-Match answers 304 only for the same one', async () => {
  const plain = await get(cloud.url, '/js/app.js')
  const gz = await get(cloud.url, '/js/app.js', { 'accept-encoding': 'gzip' })
  const br = await get(cloud.url, '/js/app.js', { 'accept-encoding': 'br' })
  const tags = [plain.headers.etag, gz.headers.etag, br.headers.etag]
  expect(new Set(tags).size).toBe(3)

  const again = await get(cloud.url, '/js/app.js', {
    'accept-encoding': 'br',
    'if-none-match': br.headers.etag!,
  })
  expect(again.status).toBe(304)
  expect(again.body.length).toBe(0)
  expect(again.headers.etag).toBe(br.headers.etag)
  expect(varies(again)).toBe(true)

  // The brotli copy's tag does not match the gzip representation: the gzip body is sent.
  const other = await get(cloud.url, '/js/app.js', {
    'accept-encoding': 'gzip',
    'if-none-match': br.headers.etag!,
  })
  expect(other.status).toBe(200)
  expect(other.headers['content-encoding']).toBe('gzip')
})

test('HEAD answers the headers of the compressed body without the body', async () => {
  const r = await get(cloud.url, '/js/app.js', { 'accept-encoding': 'gzip' }, 'HEAD')
  const full = await get(cloud.url, '/js/app.js', { 'accept-encoding': 'gzip' })
  expect(r.status).toBe(200)
  expect(r.headers['content-encoding']).toBe('gzip')
  expect(r.headers['content-length']).toBe(full.headers['content-length'])
  expect(r.body.length).toBe(0)
})

test('the app page (index.html for a route) is compressed too; images are sent as they are', async () => {
  const page = await get(cloud.url, '/pages/home', { 'accept-encoding': 'gzip' })
  expect(page.headers['content-encoding']).toBe('gzip')
  expect(gunzipSync(page.body).toString()).toBe(INDEX)
  expect(page.headers['cache-control']).toBe('no-cache')

  const png = await get(cloud.url, '/logo.png', { 'accept-encoding': 'gzip, br' })
  expect(png.headers['content-encoding']).toBeUndefined()
  expect(png.body.equals(PNG)).toBe(true)
})

test('a rebuilt file is served new, under a new ETag, never from the old compressed copy', async () => {
  const before = await get(cloud.url, '/js/app.js', { 'accept-encoding': 'br' })
  const rebuilt = script('b')
  writeFileSync(join(h5, 'js', 'app.js'), rebuilt)
  const later = new Date(Date.now() + 5000)
  utimesSync(join(h5, 'js', 'app.js'), later, later)
  const after = await get(cloud.url, '/js/app.js', { 'accept-encoding': 'br' })
  expect(brotliDecompressSync(after.body).toString()).toBe(rebuilt)
  expect(after.headers.etag).not.toBe(before.headers.etag)
})

test('a burst of first requests for one file all get the same, whole body', async () => {
  writeFileSync(join(h5, 'js', 'burst.js'), APP_JS)
  const replies = await Promise.all(
    Array.from({ length: 20 }, () => get(cloud.url, '/js/burst.js', { 'accept-encoding': 'br' })),
  )
  for (const r of replies) expect(brotliDecompressSync(r.body).toString()).toBe(APP_JS)
  expect(new Set(replies.map((r) => r.headers.etag)).size).toBe(1)
})
