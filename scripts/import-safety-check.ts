/**
 * `npm run import:safety -- <check.json> [--url http://127.0.0.1:8787] [--openid demo-operator]`:
 * publishes a safety check as the platform operator, through the safety function's
 * `publishCheck` (the same action an operator calls in production; README › 安全检查). The file
 * holds one check (types/safety.ts PublishedCheck); dates may be ISO strings ("2026-12-01").
 * Every project in the check's scope gets a 填写 to-do.
 */
import { readFileSync } from 'node:fs'
import { fieldErrors } from '../types/fields'
import { PublishedCheck } from '../types/safety'

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

/** ISO dates to epoch ms (China Standard Time), numbers as they are. */
function toTime(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const ms = Date.parse(/T/.test(value) ? value : `${value}T00:00:00+08:00`)
  return Number.isNaN(ms) ? value : ms
}

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file || file.startsWith('--')) throw new Error('usage: import-safety-check <check.json>')
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const check = { ...raw, startAt: toTime(raw.startAt), endAt: toTime(raw.endAt) }
  const parsed = PublishedCheck.safeParse(check)
  if (!parsed.success) {
    throw new Error(
      `${file} is not a valid check:\n${JSON.stringify(fieldErrors(parsed.error), null, 2)}`,
    )
  }
  const url = new URL('/api/functions/safety', arg('url', 'http://127.0.0.1:8787'))
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': arg('openid', 'demo-operator') },
    body: JSON.stringify({ action: 'publishCheck', check: parsed.data }),
  })
  const reply = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown }
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply.error)}`)
  console.log('published', reply.data)
}

main().catch((err: unknown) => {
  console.error((err as Error).message)
  process.exit(1)
})
