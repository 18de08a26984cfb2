/**
 * Writing an import's rows with COPY FROM STDIN (pg-copy-streams) inside a plain pg transaction: one
 * round trip for thousands of rows, where a multi-row INSERT sends a parameter per value. Works on a
 * PostgreSQL server and on the embedded one (its wire server takes COPY, app/db/embedded-postgres-copy.test.ts).
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import type { Sql } from '~/db/sql-transaction.server'

export type CopyValue = string | number | null

/** One CSV field: NULL is an unquoted empty field, any text is quoted (so '' stays an empty string). */
const field = (value: CopyValue) => (value === null ? '' : typeof value === 'number' ? String(value) : `"${value.replaceAll('"', '""')}"`)

/** COPYs `rows` into `table` (`columns` in their order); nothing when there is no row. */
export async function copyRows(sql: Sql, table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void> {
  if (rows.length === 0) return
  const quotedColumns = columns.map((column) => `"${column}"`).join(', ')
  const stream = sql.query(copyFrom(`COPY "${table}" (${quotedColumns}) FROM STDIN WITH (FORMAT csv)`))
  let text = ''
  for (const row of rows) text += row.map(field).join(',') + '\n'
  await pipeline(Readable.from([text]), stream)
}
