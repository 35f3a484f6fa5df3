/**
 * Typed reads of wx-server-sdk results. Its typings return `void | …` unions (callback style);
 * these helpers await the promise form and keep call sites small.
 */
interface Gettable {
  get(): unknown
}
interface Updatable {
  update(opts: { data: Record<string, unknown> }): unknown
}

export async function list<T>(query: Gettable): Promise<T[]> {
  const res = (await query.get()) as { data: T[] }
  return res.data
}

export async function first<T>(
  query: Gettable & { limit(n: number): Gettable },
): Promise<T | null> {
  const [doc] = await list<T>(query.limit(1))
  return doc ?? null
}

/** Runs an update and returns how many documents it changed. */
export async function updateCount(
  query: Updatable,
  data: Record<string, unknown>,
): Promise<number> {
  const res = (await query.update({ data })) as { stats: { updated: number } }
  return res.stats.updated
}

export async function insert(
  coll: { add(opts: { data: unknown }): unknown },
  data: object,
): Promise<string> {
  const res = (await coll.add({ data })) as { _id: string }
  return res._id
}
