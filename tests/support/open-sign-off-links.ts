import type { Database } from '~/db/client.server'
import { issueSignOffToken } from '~/justifications/sign-off-tokens.server'
import { revokeSignOffTokens } from '~/justifications/sign-off-tokens.server'
import { justificationContextSchema } from '~/workflow/machine'
import { demoPeople, fileAndSubmit } from './workflow'

/**
 * N open sign-off links on a database seeded with the demo organisation (prisma/seed.ts
 * seedDemoData): N justifications of 60 000 CHF filed by Rita Romano and submitted, each waiting on
 * its group leader (Marta Mendes), whose signature assigns the department head (the full decision
 * path: two audit events, a new link, two emails). Each link is issued here as a reminder issues a
 * fresh one (the emailed link superseded), so the raw tokens come without reading any email.
 * `concurrency` submissions run at once (the database's pool bounds it anyway).
 */
export async function openSignOffLinks(db: Database, count: number, { now = new Date(), concurrency = 8 } = {}): Promise<string[]> {
  const requesterId = (await demoPeople(db))['rita.romano']!
  const tokens: string[] = []
  let next = 0
  const worker = async () => {
    while (next < count) {
      next += 1
      const { id } = await fileAndSubmit(db, { requesterId, now })
      const { snapshot } = await db.justification.findUniqueOrThrow({ where: { id }, select: { snapshot: true } })
      const context = justificationContextSchema.parse((snapshot as { context: unknown }).context)
      const stepIndex = context.chain.findIndex((step) => step.status === 'pending')
      const step = context.chain[stepIndex]!
      const issued = issueSignOffToken({ justificationId: id, round: context.round, stepIndex, signatoryId: step.signatoryId, now, ttlHours: 24 })
      await db.$transaction(async (tx) => {
        await revokeSignOffTokens(tx, { justificationId: id, stepIndex, signatoryId: step.signatoryId }, 'SUPERSEDED', now)
        await tx.signOffToken.create({ data: issued.data })
      })
      tokens.push(issued.token)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return tokens
}
