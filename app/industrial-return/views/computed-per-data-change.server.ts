/**
 * What the industrial-return pages compute (views, the demo-data question, the notices), kept per process
 * under the data version it was computed at (docs/decisions/029-spread-computed-per-data-change.md).
 * Database triggers move the versions with every statement on what the pages show, whoever makes it
 * (this instance, another one, a migration, psql), so a page read after a change is computed afresh:
 * never stale, and never computed twice for the same data.
 */
import type { DatabaseOrTransaction } from '~/db/client.server'

/** `figures`: contracts, rollup, scales, policy, countries. `notices`: alerts and import jobs. -1 when unknown. */
export type ReturnDataVersions = { figures: bigint; notices: bigint }

/** Entries kept (views per window, category and order; units; notices): enough for every page in use. */
const MAX_ENTRIES = 256

type Entry = { version: bigint; value: Promise<unknown> }

// Per database client (a test process opens many databases, whose versions mean nothing to each other),
// on globalThis: the server entry and the Remix build are two module graphs in one process.
const CACHES = Symbol.for('solesource.industrialReturnComputed')
const holder = globalThis as unknown as Record<symbol, WeakMap<object, Map<string, Entry>> | undefined>
const caches = (holder[CACHES] ??= new WeakMap())

/** The versions of the data the pages show, in one read; read them before the data, so that what is read is at least that new. */
export async function readReturnDataVersions(db: DatabaseOrTransaction): Promise<ReturnDataVersions> {
  const rows = await db.returnDataVersion.findMany({ select: { id: true, version: true } })
  const version = (id: string) => rows.find((row) => row.id === id)?.version ?? -1n
  return { figures: version('FIGURES'), notices: version('NOTICES') }
}

/**
 * `compute()`'s result for `key` at `version`, computed once: concurrent requests share one computation.
 * A newer version replaces what was kept; a request that read an older version than the one kept (a
 * change committed meanwhile) or none (-1: the version rows were removed by hand) computes for itself
 * and keeps nothing.
 */
export function computedPerDataChange<T>(db: DatabaseOrTransaction, version: bigint, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = caches.get(db)
  if (!entries) caches.set(db, (entries = new Map()))
  const kept = entries.get(key)
  if (kept && kept.version === version) return kept.value as Promise<T>
  if (version < 0n || (kept && version < kept.version)) return compute()
  entries.delete(key) // re-inserted last: the oldest entries go first when the map is full
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  const value = compute()
  const entry = { version, value }
  entries.set(key, entry)
  // A failed computation is not kept: the next request tries again.
  value.catch(() => entries.get(key) === entry && entries.delete(key))
  return value
}
