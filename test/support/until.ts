import { setTimeout as delay } from 'node:timers/promises'

/**
 * Waits for a condition: polls `check` until it answers something truthy and returns that. The
 * one polling loop of the tests — a wait is for a condition, never for a time — with a budget
 * generous enough for a busy machine (slower there, never wrong).
 */
export async function until<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(POLL_MS)
  }
}

/** How often a condition is asked again. */
const POLL_MS = 20
