// A quick measure of decisions by sign-off link over HTTP (not the bench part: tests/bench/run.ts is
// the bench). Usage: TEST_POSTGRES_URL=... npx tsx tests/bench/measure-decisions.ts [decisions] [concurrency]
// Needs a build (npx remix build). Prints decisions/s and latency percentiles; asserts nothing.
import { seedDemoData } from '../../prisma/seed'
import { createDatabaseClient } from '../../app/db/client.server'
import { migrate } from '../../app/db/migrate.server'
import { startApp } from '../support/app'
import { createEmptyTestDatabase } from '../support/database'
import { openSignOffLinks } from '../support/open-sign-off-links'

// The app and this script seal and open outbox bodies with one secret.
const secret = 'measure-decisions-secret-of-32-characters-at-least'
process.env.SESSION_SECRET = secret
const count = Number(process.argv[2] ?? 1000)
const concurrency = Number(process.argv[3] ?? 8)
const database = await createEmptyTestDatabase()
await migrate(database.url)
const db = createDatabaseClient(database.url)
await seedDemoData(db)
const tokens = await openSignOffLinks(db, count + 50)
const app = await startApp({ DATABASE_URL: database.url, SEED_DEMO_DATA: 'false', SESSION_SECRET: secret })
const decide = async (token: string, javascript: boolean) => {
  const started = performance.now()
  const response = await fetch(`${app.url}/sign-off/${token}${javascript ? '.data' : ''}`, { method: 'POST', body: new URLSearchParams({ intent: 'sign' }), headers: { origin: app.url } })
  const body = await response.text()
  if (response.status !== 200 || !body.includes('signed')) throw new Error(`decision failed: ${response.status} ${body.slice(0, 200)}`)
  return performance.now() - started
}
try {
  // Warm up on the first 50 links.
  await Promise.all(tokens.slice(0, 50).map((t) => decide(t, false)))
  const queue = tokens.slice(50)
  for (const javascript of [false, true]) {
    const batch = queue.splice(0, Math.floor(count / 2))
    const latencies: number[] = []
    const started = performance.now()
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let token = batch.pop(); token; token = batch.pop()) latencies.push(await decide(token, javascript))
    }))
    const seconds = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(0)
    console.log(`${javascript ? 'with JS (.data)' : 'document POST'}: ${latencies.length} decisions, c=${concurrency}: ${(latencies.length / seconds).toFixed(0)} /s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`)
  }
} finally {
  await app.stop()
  await db.$disconnect()
  await database.drop()
}
