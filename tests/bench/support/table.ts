// The bench's one table: a Markdown table, padded so that it also reads in a terminal.
import type { BenchDatabaseKind, BenchFigure } from '../bench-figure'

export type Row = BenchFigure & { database: BenchDatabaseKind }

const databaseLabel: Record<BenchDatabaseKind, string> = { pglite: 'PGlite', 'postgresql-server': 'PostgreSQL' }

export function printTable(rows: Row[]) {
  const header = ['path', 'database', 'measured', 'raw baseline', 'ratio', 'goal', 'met', 'note']
  const cells = rows.map((row) => [
    row.path,
    databaseLabel[row.database],
    row.measured,
    row.baseline ?? '',
    row.ratio === null ? '' : row.ratio.toFixed(2),
    row.goal,
    row.met ? 'met' : 'NOT met',
    row.note ?? '',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)))
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  for (const values of cells) console.log(line(values))
}

/** Under the table: for each goal not met, the measured lines that say where its limit is. */
export function printLimits(rows: Row[]) {
  const explained = rows.filter((row) => !row.met && row.limit?.length)
  if (explained.length === 0) return
  console.log('\nWhere the limit is, for the goals not met (measured in this run):')
  for (const row of explained) {
    console.log(`\n- ${row.path} (${databaseLabel[row.database]}):`)
    for (const line of row.limit!) console.log(`    ${line}`)
  }
}
