// Open sign-off links for the decision benches: justifications filed and submitted through the use
// cases the filing form calls, each waiting on its group leader, who holds a link.
import { createDatabaseClient, type Database } from '~/db/client.server'
import { resetEnvForTests } from '~/env.server'
import { issueSignOffToken } from '~/justifications/sign-off-tokens.server'
import { migrate } from '~/db/migrate.server'
import { seedDemoData } from '../../../prisma/seed'
import { seedReturnDemoData } from '../../../prisma/seed-industrial-return'
import { demoPeople, fileAndSubmit } from '../../support/workflow'
import { runPool } from './load'

/** The secret the bench's app processes run with: the bench seals email bodies and signs cookies with it too. */
export const BENCH_SESSION_SECRET = 'bench-session-secret-'.padEnd(48, 'x')

/** The settings the bench process reads while it files justifications (emails link to the app under test). */
export function useAppSettings(appUrl: string) {
  process.env.APP_URL = appUrl
  process.env.SESSION_SECRET = BENCH_SESSION_SECRET
  resetEnvForTests()
}

/** Migrates an empty database and seeds the demo organisation, as the app seeds its own, with its industrial-return contracts unless told not to. */
export async function seedBenchDatabase(url: string, { contracts = true } = {}) {
  await migrate(url)
  const db = createDatabaseClient(url, { maxConnections: 4 })
  try {
    await seedDemoData(db)
    if (contracts) await seedReturnDemoData(db)
  } finally {
    await db.$disconnect()
  }
}

/**
 * `count` justifications submitted, and for each a sign-off link of its first signatory. The link
 * is issued like the one the submission emailed (the plain token is only in that email), so that the
 * bench knows it without opening mail.
 */
export async function openSignOffLinks(url: string, count: number, progress: (line: string) => void): Promise<string[]> {
  const db: Database = createDatabaseClient(url, { maxConnections: 4 })
  try {
    const people = await demoPeople(db)
    const now = new Date()
    let done = 0
    const tokens = await runPool(count, 4, async () => {
      const { id } = await fileAndSubmit(db, { requesterId: people['rita.romano']!, now })
      const open = await db.signOffToken.findFirstOrThrow({ where: { justificationId: id, usedAt: null, revokedAt: null } })
      const issued = issueSignOffToken({ justificationId: id, round: open.round, stepIndex: open.stepIndex, signatoryId: open.signatoryId, now, ttlHours: 24 * 7 })
      await db.signOffToken.create({ data: issued.data })
      if (++done % 100 === 0) progress(`${done}/${count} links open`)
      return issued.token
    })
    // The submissions' emails would otherwise be delivered during the measurement: a backlog no decision made.
    await db.$executeRawUnsafe('TRUNCATE "OutboxMessage" CASCADE')
    return tokens.map((result) => result.value)
  } finally {
    await db.$disconnect()
  }
}
