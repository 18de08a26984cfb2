// Copies every row of one migrated database into another, migrated and empty, so that a capture run,
// a measured run and a raw replay each start from exactly the same state. Works on PGlite too, which
// has no CREATE DATABASE ... TEMPLATE of an in-memory database; the sizes here are small (the demo
// organisation and a few hundred justifications).
import pg from 'pg'

const BATCH_PARAMETERS = 30_000

/** Values as the server prints them: re-sent as text, each column parses its own type back. */
const asText = { getTypeParser: () => (value: string) => value }

export async function copyDatabaseRows(fromUrl: string, toUrl: string): Promise<void> {
  const source = new pg.Client({ connectionString: fromUrl, types: asText })
  const target = new pg.Client({ connectionString: toUrl })
  await source.connect()
  await target.connect()
  try {
    const tables = await source.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
    )
    await target.query('BEGIN')
    // Rows go in table by table in any order: foreign keys are checked by triggers, off for this session.
    await target.query(`SET LOCAL session_replication_role = replica`)
    for (const { table_name: table } of tables.rows) {
      await target.query(`DELETE FROM "${table}"`)
      const rows = await source.query({ text: `SELECT * FROM "${table}"`, rowMode: 'array' })
      if (rows.rows.length === 0) continue
      const columns = rows.fields.map((field) => `"${field.name}"`).join(', ')
      const perBatch = Math.max(1, Math.floor(BATCH_PARAMETERS / rows.fields.length))
      for (let from = 0; from < rows.rows.length; from += perBatch) {
        const batch = rows.rows.slice(from, from + perBatch) as unknown[][]
        const values: unknown[] = []
        const tuples = batch.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(', ')})`)
        await target.query(`INSERT INTO "${table}" (${columns}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`, values)
      }
    }
    const sequences = await source.query<{ sequence_name: string }>(`SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'`)
    for (const { sequence_name: sequence } of sequences.rows) {
      const state = await source.query<{ last_value: string; is_called: string }>(`SELECT last_value, is_called FROM "${sequence}"`)
      const { last_value: lastValue, is_called: isCalled } = state.rows[0]!
      await target.query(`SELECT setval('"${sequence}"', $1, $2)`, [lastValue, isCalled === 't' || isCalled === 'true'])
    }
    await target.query('COMMIT')
  } finally {
    await source.end()
    await target.end()
  }
}
