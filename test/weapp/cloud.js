/**
 * The real local cloud for the weapp tests, reached over HTTP exactly as the H5 build reaches it:
 * POST /api/functions/<name> with the caller's OPENID in X-WX-OPENID.
 */
const { spawn } = require('node:child_process')
const http = require('node:http')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..', '..')
const START_TIMEOUT_MS = 60_000

/**
 * @param {{ sdk?: boolean }} [opts] `sdk`: a cloud of the file's own that takes the test SDK's
 *   credential (test/local-cloud/sdk.ts), so `putFile` can store a file at an exact cloud path as
 *   a phone's wx.cloud.uploadFile does
 * @returns {Promise<{ url: string, call: (name: string, event: object, openid: string) => Promise<unknown>, stop: () => Promise<void> }>}
 */
function startCloud({ sdk = false } = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'cloud-child.ts')],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: sdk ? { ...process.env, WEAPP_CLOUD_SDK: '1' } : process.env,
    },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`local cloud did not start in ${START_TIMEOUT_MS} ms\n${output}`))
    }, START_TIMEOUT_MS)
    const onData = (chunk) => {
      output += chunk.toString()
      const m = /^CLOUD_URL (\S+)$/m.exec(output)
      if (!m) return
      clearTimeout(timer)
      const url = m[1]
      resolve({
        url,
        call: (name, event, openid) => post(url, name, event, openid),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.stdin.end()
          }),
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (c) => {
      output += c.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local cloud exited (code ${code})\n${output}`))
    })
  })
}

/**
 * Stores `bytes` at `cloudPath` in the storage of a cloud started with `{ sdk: true }`, through the
 * real wx-server-sdk (in a child: this jsdom process cannot load it); resolves to the fileID.
 */
function putFile(url, cloudPath, bytes) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'cloud-put.ts'), url, cloudPath],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let out = ''
  child.stdout.on('data', (c) => (out += c.toString()))
  child.stderr.on('data', (c) => (out += c.toString()))
  child.stdin.end(bytes)
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const m = /^FILE_ID (\S+)$/m.exec(out)
      if (code === 0 && m) resolve(m[1])
      else reject(new Error(`storing ${cloudPath} failed (code ${code})\n${out}`))
    })
  })
}

function post(base, name, event, openid) {
  const body = Buffer.from(JSON.stringify(event))
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(`/api/functions/${encodeURIComponent(name)}`, base),
      {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': body.length,
          'X-WX-OPENID': openid,
        },
      },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          } catch (err) {
            reject(err)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

module.exports = { startCloud, putFile }
