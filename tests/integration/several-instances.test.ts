import { spawn } from 'node:child_process'
import { get } from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { startApp, type RunningApp } from '../support/app'
import { createEmptyTestDatabase, createTestDatabase, testDatabaseKind, type EmptyTestDatabase, type TestDatabase } from '../support/database'
import { demoPeople, fileAndSubmit } from '../support/workflow'

// Issue 12, deliverable 2: `npm start` runs WEB_CONCURRENCY workers on one port and one database,
// and the background jobs stay exactly-once across processes. Built app (run `npm run build` first).
const SESSION_SECRET = 'a-session-secret-of-at-least-thirty-two-characters'

/** /healthz on a new connection each time (the cluster deals connections, not requests, in turn). */
function workerAnswering(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${url}/healthz`, { agent: false }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve((JSON.parse(body) as { worker: number }).worker))
    }).on('error', reject)
  })
}

async function workersSeen(url: string, requests: number): Promise<Set<number>> {
  const seen = new Set<number>()
  for (let i = 0; i < requests; i += 1) seen.add(await workerAnswering(url))
  return seen
}

type LogLine = { msg: string; worker?: number; pid?: number }
const logLines = (app: RunningApp): LogLine[] =>
  app.logs
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)

async function until(what: string, condition: () => boolean | Promise<boolean>, logs: () => string) {
  for (let tries = 0; tries < 1_200; tries += 1) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what} did not happen:\n${logs()}`)
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe(`several app instances on one database (${testDatabaseKind()})`, () => {
  if (testDatabaseKind() === 'postgresql-server') {
    describe('npm start with WEB_CONCURRENCY=2', () => {
      let database: EmptyTestDatabase
      let app: RunningApp
      beforeAll(async () => {
        database = await createEmptyTestDatabase()
        app = await startApp({ DATABASE_URL: database.url, SESSION_SECRET, SEED_DEMO_DATA: 'true', SEED_DEMO_CONTRACTS: 'false', WEB_CONCURRENCY: '2', DATABASE_POOL_SIZE: '2' })
      })
      afterAll(async () => {
        await app?.stop()
        await database?.drop()
      })

      test('migrates and seeds once, then two workers with their own pids answer on the one port', async () => {
        await until('two workers listening', () => logLines(app).filter((line) => line.msg === 'listening').length === 2, () => app.logs.join(''))
        const lines = logLines(app)
        expect(lines.filter((line) => line.msg === 'database migrated')).toHaveLength(1)
        expect(lines.filter((line) => line.msg === 'demo data seeded')).toHaveLength(1)
        const listening = lines.filter((line) => line.msg === 'listening')
        expect(new Set(listening.map((line) => line.pid)).size).toBe(2)
        expect(listening.map((line) => line.pid)).not.toContain(app.pid)
        expect([...(await workersSeen(app.url, 8))].sort()).toEqual(listening.map((line) => line.worker).sort())
      })

      test('a worker that dies is replaced; SIGTERM stops every worker', async () => {
        const first = logLines(app).find((line) => line.msg === 'listening')!
        process.kill(first.pid!, 'SIGKILL')
        await until('a third worker listening', () => logLines(app).some((line) => line.msg === 'listening' && line.worker === 3), () => app.logs.join(''))
        expect(logLines(app).some((line) => line.msg === 'worker died; starting another' && line.pid === first.pid)).toBe(true)
        await until('the new worker answering', async () => (await workersSeen(app.url, 4)).has(3), () => app.logs.join(''))

        const workerPids = logLines(app)
          .filter((line) => line.msg === 'listening' && line.pid !== first.pid)
          .map((line) => line.pid!)
        await app.stop()
        expect(workerPids.filter(alive)).toEqual([])
        expect(logLines(app).filter((line) => line.msg === 'shutting down').map((line) => line.pid).sort()).toEqual(workerPids.sort())
      }, 120_000)
    })

    describe('two instances, reminders due', () => {
      let database: TestDatabase
      const apps: RunningApp[] = []
      beforeAll(async () => {
        database = await createTestDatabase()
        await seedDemoData(database.db)
      })
      afterAll(async () => {
        await Promise.all(apps.map((app) => app.stop()))
        await database?.drop()
      })

      test('every scheduler pass of both instances together sends one reminder per step', async () => {
        const ids = await demoPeople(database.db)
        // A reminder after one working day, no escalation in sight: steps filed ten days ago are due.
        await database.db.workflowSettings.upsert({ where: { id: 1 }, create: { id: 1, reminderAfterWorkingDays: 1, escalateAfterWorkingDays: 60 }, update: { reminderAfterWorkingDays: 1, escalateAfterWorkingDays: 60 } })
        const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3_600_000)
        const filed = [
          ...(await Promise.all([1, 2, 3].map(() => fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now: tenDaysAgo })))),
          ...(await Promise.all([1, 2].map(() => fileAndSubmit(database.db, { requesterId: ids['emil.eriksen']!, groupCode: 'EN-EL', now: tenDaysAgo })))),
        ]
        const env = { DATABASE_URL: database.url, SESSION_SECRET, SEED_DEMO_DATA: 'false', REMINDER_INTERVAL_MS: '100', DATABASE_POOL_SIZE: '2' }
        apps.push(...(await Promise.all([startApp(env), startApp(env)])))

        const reminders = () => database.db.stepReminder.count({ where: { kind: 'REMINDER' } })
        await until('a reminder for every step', async () => (await reminders()) >= filed.length, () => apps.map((app) => app.logs.join('')).join('\n---\n'))
        // Twenty more passes of each instance find nothing left to do.
        await new Promise((resolve) => setTimeout(resolve, 2_000))
        await Promise.all(apps.map((app) => app.stop()))

        expect(await reminders()).toBe(filed.length)
        for (const { id } of filed) {
          expect(await database.db.stepReminder.count({ where: { justificationId: id, kind: 'REMINDER' } })).toBe(1)
        }
        const reminderEmails = await database.db.outboxMessage.groupBy({ by: ['toAddress'], where: { template: 'signature-reminder' }, _count: true })
        expect(Object.fromEntries(reminderEmails.map((row) => [row.toAddress, row._count]))).toEqual({ 'marta.mendes@example.org': 3, 'luca.leone@example.org': 2 })
      }, 180_000)
    })
  } else {
    // The embedded database is the one kind on which more than one worker cannot run.
    test('WEB_CONCURRENCY=2 on the embedded database is refused at start-up with a message, exit 1', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'app/server/main.ts'], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', PORT: '0', WEB_CONCURRENCY: '2', DATA_DIR: '/nonexistent/never-opened' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
      expect(code).toBe(1)
      expect(stderr).toBe(
        'Invalid environment:\n' +
          '  WEB_CONCURRENCY is 2, but the embedded database can be opened by one process only: set DATABASE_URL to a PostgreSQL server, or leave WEB_CONCURRENCY unset\n' +
          'See the Configuration section of README.md.\n',
      )
    })
  }
})
