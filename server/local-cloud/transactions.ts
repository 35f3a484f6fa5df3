import { randomBytes } from 'node:crypto'
import { CloudError } from './errors'
import type { Store, Write } from './store'
import type { Doc } from './values'

/**
 * Optimistic transactions (cloud-protocol.md §5). A transaction buffers its writes and remembers
 * the version of every document it read or wrote; commit applies the buffer in one SQLite
 * transaction only if none of those documents changed meanwhile, else it answers
 * DATABASE_TRANSACTION_CONFLICT, which makes the SDK re-run the callback.
 */
const EXPIRE_MS = 60_000

export class Transaction {
  readonly startedAt = Date.now()
  private readonly reads = new Map<string, Map<string, number>>()
  private readonly writes = new Map<string, Map<string, Doc | null>>()

  constructor(
    readonly id: string,
    private readonly store: Store,
  ) {}

  overlay(collection: string): ReadonlyMap<string, Doc | null> {
    return this.writes.get(collection) ?? new Map()
  }

  /** Remembers the version a document had when the transaction first looked at it. */
  read(collection: string, id: string): void {
    let seen = this.reads.get(collection)
    if (!seen) this.reads.set(collection, (seen = new Map()))
    if (!seen.has(id)) seen.set(id, this.store.version(collection, id))
  }

  write(collection: string, id: string, doc: Doc | null): void {
    this.read(collection, id)
    let pending = this.writes.get(collection)
    if (!pending) this.writes.set(collection, (pending = new Map()))
    pending.set(id, doc)
  }

  conflicts(): boolean {
    for (const [collection, seen] of this.reads) {
      for (const [id, version] of seen) {
        if (this.store.version(collection, id) !== version) return true
      }
    }
    return false
  }

  pendingWrites(): Write[] {
    return [...this.writes].flatMap(([collection, docs]) =>
      [...docs].map(([id, doc]) => ({ collection, id, doc })),
    )
  }
}

export class Transactions {
  private readonly open = new Map<string, Transaction>()

  constructor(private readonly store: Store) {}

  start(): string {
    this.dropExpired()
    const id = randomBytes(12).toString('hex')
    this.open.set(id, new Transaction(id, this.store))
    return id
  }

  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined
    if (!tx) {
      throw new CloudError('DATABASE_TRANSACTION_FAIL', `transaction not found or expired: ${id}`)
    }
    return tx
  }

  /** Applies the transaction or throws; either way it is over (a conflicted one is dropped). */
  commit(id: unknown): void {
    const tx = this.get(id)
    this.open.delete(tx.id)
    if (tx.conflicts()) {
      throw new CloudError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict')
    }
    this.store.apply(tx.pendingWrites())
  }

  abort(id: unknown): void {
    this.open.delete(this.get(id).id)
  }

  private dropExpired(): void {
    const now = Date.now()
    for (const [id, tx] of this.open) if (now - tx.startedAt > EXPIRE_MS) this.open.delete(id)
  }
}
