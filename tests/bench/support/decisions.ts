// One decision as a signatory's browser makes it without JavaScript (a form POST to the link's page),
// the capture of the statements each decision issues, and their replay straight through `pg`.
import pg from 'pg'
import { percentile, runPool, type Throughput } from './load'
import type { RecordedStatement, StatementRecorder } from './statement-recorder'

/** Signs through the link; throws unless the page says the decision is recorded. */
export async function signByLink(appUrl: string, token: string): Promise<void> {
  const response = await fetch(`${appUrl}/sign-off/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', accept: 'text/html' },
    body: new URLSearchParams({ intent: 'sign', comment: '' }),
  })
  const page = await response.text()
  if (!response.ok || !page.includes('Your decision is recorded')) throw new Error(`decision by link answered ${response.status}: ${page.slice(0, 300)}`)
}

/**
 * Decides each link in turn, one at a time, through an app connected via `recorder`, and returns
 * the statements of each decision. One at a time so that every statement belongs to one decision;
 * a statement of a background job that fell inside a decision is left out (see `typicalDecision`).
 */
export async function captureDecisions(appUrl: string, recorder: StatementRecorder, tokens: string[], progress: (line: string) => void): Promise<RecordedStatement[][]> {
  const captured: RecordedStatement[][] = []
  for (const token of tokens) {
    const from = recorder.statements.length
    await signByLink(appUrl, token)
    captured.push(recorder.statements.slice(from))
    if (captured.length % 100 === 0) progress(`${captured.length}/${tokens.length} decisions captured`)
  }
  const typical = typicalDecision(captured)
  return captured.map((statements) => withoutStrays(statements, typical))
}

/** The statement texts most decisions issue, in order. */
export function typicalDecision(captured: RecordedStatement[][]): string[] {
  const counts = new Map<string, { texts: string[]; count: number }>()
  for (const statements of captured) {
    const texts = statements.map((statement) => statement.text)
    const key = texts.join('\u0000')
    const entry = counts.get(key) ?? { texts, count: 0 }
    entry.count++
    counts.set(key, entry)
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.texts ?? []
}

/** A decision's statements without those of a job that ran meanwhile, if the rest is the typical decision. */
function withoutStrays(statements: RecordedStatement[], typical: string[]): RecordedStatement[] {
  if (statements.length === typical.length) return statements
  const kept: RecordedStatement[] = []
  for (const statement of statements) if (statement.text === typical[kept.length]) kept.push(statement)
  return kept.length === typical.length ? kept : statements
}

/** Values come back as the server's text: the raw baseline parses nothing it does not need. */
const asText = { getTypeParser: () => (value: string) => value }

/**
 * The raw baseline: each decision's statements, with their recorded parameters, issued in order on
 * one connection of `concurrency`, on a database in the state the app started from. Returns the
 * statements that failed (none when the copy is faithful).
 */
export async function replayDecisions(url: string, decisions: RecordedStatement[][], concurrency: number): Promise<{ throughput: Throughput; failures: string[] }> {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = new pg.Client({ connectionString: url, types: asText })
      await client.connect()
      return client
    }),
  )
  const free = [...clients]
  const failures: string[] = []
  try {
    const started = performance.now()
    const results = await runPool(decisions.length, concurrency, async (index) => {
      const client = free.pop()!
      try {
        for (const statement of decisions[index]!) {
          try {
            await client.query(statement.values.length ? { text: statement.text, values: statement.values } : statement.text)
          } catch (error) {
            failures.push(`${(error as Error).message}: ${statement.text.slice(0, 120)}`)
            if (/current transaction is aborted/.test((error as Error).message)) await client.query('ROLLBACK')
          }
        }
      } finally {
        free.push(client)
      }
    })
    const seconds = (performance.now() - started) / 1000
    const times = results.map((result) => result.ms)
    return { throughput: { perSecond: decisions.length / seconds, p50: percentile(times, 0.5), p99: percentile(times, 0.99), count: decisions.length, seconds }, failures }
  } finally {
    await Promise.all(clients.map((client) => client.end()))
  }
}

/**
 * Waits until the app has delivered every queued email: at start-up its background jobs queue the
 * period's statistics digests (one per group leader, department head and deputy), which the outbox
 * worker then renders and sends on the same cores. A measured run starts after that burst, so that
 * it measures decisions, not the start-up. Returns the seconds waited.
 */
export async function waitForOutboxDrained(databaseUrl: string, timeoutMs = 120_000): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const started = performance.now()
  try {
    while (true) {
      const { rows } = await client.query<{ queued: number }>(`SELECT count(*)::int AS queued FROM "OutboxMessage" WHERE "status" = 'QUEUED'`)
      if (rows[0]!.queued === 0) return (performance.now() - started) / 1000
      if (performance.now() - started > timeoutMs) throw new Error(`${rows[0]!.queued} emails still queued after ${timeoutMs / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  } finally {
    await client.end()
  }
}
