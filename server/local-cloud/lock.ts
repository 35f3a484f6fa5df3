import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * One process per data folder: a second local cloud (or `seed --reset`) on the same folder would
 * see a stale in-memory copy. The lock is a pid file; a pid that no longer runs (after kill -9)
 * does not hold it.
 */
const lockFile = (dataDir: string) => join(dataDir, 'server.pid')

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid of another live process using the folder, or null. */
export function lockHolder(dataDir: string): number | null {
  const file = lockFile(dataDir)
  if (!existsSync(file)) return null
  const pid = Number(readFileSync(file, 'utf8').trim())
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null
}

/** Takes the folder or throws; returns the release function. */
export function acquireLock(dataDir: string): () => void {
  const holder = lockHolder(dataDir)
  if (holder) throw new Error(`${dataDir} is in use by another local cloud (pid ${holder})`)
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(lockFile(dataDir), String(process.pid))
  return () => {
    const file = lockFile(dataDir)
    if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file)
  }
}
