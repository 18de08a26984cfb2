// The shape every part of `npm run bench` reports in, so that one table can print them all.
// A part measures one row of the performance issue's table on one database, with its raw baseline
// measured in the same run; the runner (tests/bench/run.ts) prints the figures, never asserts them.

/** Which database a part runs on: the embedded default (PGlite) or a PostgreSQL 15 server. */
export type BenchDatabaseKind = 'pglite' | 'postgresql-server'

export type BenchContext = {
  database: BenchDatabaseKind
  /** A fresh, empty database of the requested kind (not migrated); the part drops it when done. */
  createEmptyDatabase: () => Promise<{ url: string; drop: () => Promise<void> }>
  /** 'quick' for a smoke run (small sizes, a few seconds), 'full' for the sizes. */
  scale: 'quick' | 'full'
  /** Progress on long work, printed as it happens. */
  progress: (line: string) => void
}

export type BenchFigure = {
  /** The row of the table, e.g. 'decision by sign-off link, c=8'. */
  path: string
  /** What was measured, formatted for people: '142 /s, p99 61 ms'. */
  measured: string
  /** The raw baseline from the same run, formatted, or null where the row has none. */
  baseline: string | null
  /** measured ÷ baseline in the sense of the goal (higher is better), or null. */
  ratio: number | null
  /** The goal as the issue states it: '>= 0.40, p99 < 100 ms'. */
  goal: string
  met: boolean
  /** Why a goal is not met, or what limits it, in a sentence; optional. */
  note?: string
  /**
   * For a goal not met: what the limit is, measured in the same run (CPU accounting per process, a
   * profile of the app, the cheapest page's rate), a line each; printed under the table.
   */
  limit?: string[]
}

/** One part of the bench: measures its rows on the context's database. */
export type BenchPart = {
  name: string
  run: (context: BenchContext) => Promise<BenchFigure[]>
}
