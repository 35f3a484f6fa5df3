/**
 * What every section of `npm run bench` measures with (scripts/bench.ts, bench-funds.ts,
 * bench-h5.ts): a local cloud of its own on a throwaway folder, a function called over HTTP as the
 * app calls it, timed rounds and their percentiles against a budget.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../server/local-cloud'

export const KB = 1024

export type Verdict = 'PASS' | 'OVER'
export const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'OVER')

/** The `p`th percentile of `sorted` (ascending), to the microsecond. */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Number(sorted[Math.max(0, i)].toFixed(3))
}

/** Deterministic pseudo-random numbers: the same data and queries every run. */
export function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

/**
 * Runs `use` against a local cloud of its own (seeded with the demo data unless `options` say
 * otherwise) on a fresh temporary folder, closed and removed afterwards whatever happens.
 * NORMAL sync: the bench measures reads; its bulk loads need not wait for fsync.
 */
export async function withBenchCloud<T>(
  name: string,
  use: (local: LocalCloud) => Promise<T>,
  options: Partial<LocalCloudOptions> = {},
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), `local-cloud-bench-${name}-`))
  const local = await startLocalCloud({ dataDir, port: 0, synchronous: 'NORMAL', ...options })
  try {
    return await use(local)
  } finally {
    await local.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Calls function `fn` of `local` over HTTP as `openid`; throws unless it answers ok. */
export function functionCaller(local: LocalCloud, fn: string, openid: string) {
  return async <T = unknown>(event: Record<string, unknown>): Promise<T> => {
    const res = await fetch(new URL(`api/functions/${fn}`, local.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify(event),
    })
    const reply = (await res.json()) as { ok: boolean; data: T }
    if (!reply.ok) throw new Error(`${fn}.${event.action} failed: ${JSON.stringify(reply)}`)
    return reply.data
  }
}

/** The times of `rounds` runs of `once(i)`, one after another, in ms, in the order run. */
export async function timed(rounds: number, once: (i: number) => Promise<unknown>) {
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    await once(i)
    samples.push(performance.now() - started)
  }
  return samples
}

export const ascending = (samples: number[]) => [...samples].sort((a, b) => a - b)

/** Calls timed, their p50 and p95, and whether p95 keeps within `limitMs`. */
export function latency(times: number[], limitMs: number) {
  const samples = ascending(times)
  const p95 = percentile(samples, 95)
  return {
    calls: samples.length,
    p50: percentile(samples, 50),
    p95,
    budget: { limitMs, result: verdict(p95 <= limitMs) },
  }
}

/** The report's line for a latency: `  [what ]p50 …, p95 … over N calls: PASS p95 ≤ L ms`. */
export function latencyLine(l: ReturnType<typeof latency>, what?: string): string {
  const { p50, p95, calls, budget } = l
  const head = what ? `${what} ` : ''
  return `  ${head}p50 ${p50} ms, p95 ${p95} ms over ${calls} calls: ${budget.result} p95 ≤ ${budget.limitMs} ms`
}
