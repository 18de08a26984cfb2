import pg from 'pg'

export type CountedStatement = { sql: string }

/**
 * Every SQL statement this process sends to PostgreSQL while `work` runs, in order: it wraps
 * `pg.Client.prototype.query`, through which Prisma's adapter (@prisma/adapter-pg), the pool and
 * plain `pg` clients all go (BEGIN and COMMIT included). The embedded database speaks the same wire
 * protocol through `pg`, so it counts the same on PGlite and on a PostgreSQL server. Only one count
 * may run at a time in a process; anything else the process does meanwhile is counted too.
 */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: CountedStatement[] }> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __counting?: boolean }
  if (prototype.__counting) throw new Error('countStatements is already counting in this process')
  const original = prototype.query
  const statements: CountedStatement[] = []
  prototype.__counting = true
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args
    const sql = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? String(first))
    statements.push({ sql })
    return original.apply(this, args)
  }
  try {
    const result = await work()
    return { result, statements }
  } finally {
    prototype.query = original
    delete prototype.__counting
  }
}

/** A statement shortened for a list a person reads: its verb and the tables it names. */
export function describeStatement(sql: string): string {
  const compact = sql.replace(/\s+/g, ' ').trim()
  const verb = compact.split(' ')[0]!.toUpperCase()
  const tables = [...new Set([...compact.matchAll(/(?:FROM|INTO|UPDATE|JOIN)\s+"?(?:public"?\."?)?"?(\w+)"?/gi)].map((m) => m[1]))]
  return tables.length ? `${verb} ${tables.join(', ')}` : verb
}
