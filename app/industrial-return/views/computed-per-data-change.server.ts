/**
 * What the industrial-return pages compute (views, the demo-data question), kept per process under the
 * data version it was computed at (docs/decisions/029-spread-computed-per-data-change.md). Database
 * triggers move the version with every statement on contracts, the rollup, scales, the policy or
 * countries, whoever makes it (this instance, another one, a migration, psql), so a page read after a
 * change is computed afresh: never stale, and never computed twice for the same data.
 */
import type { DatabaseOrTransaction } from '~/db/client.server'

/** Entries kept for the current version (views per window, category and order; units): enough for every page in use. */
const MAX_ENTRIES = 256

type Cache = { version: bigint; entries: Map<string, Promise<unknown>> }

// Per database client (a test process opens many databases, whose versions mean nothing to each other),
// on globalThis: the server entry and the Remix build are two module graphs in one process.
const CACHES = Symbol.for('solesource.industrialReturnComputed')
const holder = globalThis as unknown as Record<symbol, WeakMap<object, Cache> | undefined>
const caches = (holder[CACHES] ??= new WeakMap())

/** The version of the data the pages show; read it before the data, so that what is read is at least that new. */
export async function readReturnDataVersion(db: DatabaseOrTransaction): Promise<bigint> {
  const row = await db.returnDataVersion.findUnique({ where: { id: 1 }, select: { version: true } })
  // No row: a database changed by hand. Nothing can be kept, so -1 computes every time.
  return row?.version ?? -1n
}

/**
 * `compute()`'s result for `key` at `version`, computed once: concurrent requests share one computation.
 * A newer version drops everything kept; a request that read an older version than the one kept
 * (a change committed meanwhile) computes for itself and keeps nothing.
 */
export function computedPerDataChange<T>(db: DatabaseOrTransaction, version: bigint, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db)
  if (version < 0n || (cache && version < cache.version)) return compute()
  if (!cache || version > cache.version) caches.set(db, (cache = { version, entries: new Map() }))
  const kept = cache.entries.get(key)
  if (kept) return kept as Promise<T>
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!)
  const entries = cache.entries
  const computing = compute()
  entries.set(key, computing)
  // A failed computation is not kept: the next request tries again.
  computing.catch(() => entries.get(key) === computing && entries.delete(key))
  return computing
}
