import { createDatabaseClient } from '~/db/client.server'
import { resetEnvForTests } from '~/env.server'
import { createJustification } from '~/justifications/create-justification.server'
import { decideJustification, type Decision } from '~/justifications/decide-justification.server'
import type { JustificationFields } from '~/justifications/prepare-fields.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import type { TransitionResult } from '~/justifications/transition.server'

/**
 * Files justifications straight through the server's own use cases (the same code the filing form
 * calls), against the database of an app under test: end-to-end tests of lists and approvals get
 * realistic rows (snapshots, signatories, audit events) without clicking through the form each time.
 */

export type JustificationSpec = {
  /** The requester's email address (a demo person). */
  requester: string
  title: string
  supplierName: string
  supplierCountryCode?: string
  /** In minor units of `currency`. */
  amount: number
  currency?: JustificationFields['currency']
  /** The code of the group that carries it; the requester's own by default. */
  groupCode?: string
  /** Submit it after creating it (default true). */
  submit?: boolean
}

const origin = { ipAddress: '127.0.0.1', userAgent: 'playwright-setup' }

function ok(result: TransitionResult) {
  if (!result.ok) throw new Error(`${result.kind}: ${result.message}`)
  return result
}

async function withDatabase<T>(app: { url: string; databaseUrl: string }, run: (db: ReturnType<typeof createDatabaseClient>) => Promise<T>): Promise<T> {
  // Emails written to the outbox link to the app under test.
  process.env.APP_URL = app.url
  resetEnvForTests()
  const db = createDatabaseClient(app.databaseUrl, { maxConnections: 2 })
  try {
    return await run(db)
  } finally {
    await db.$disconnect()
  }
}

export async function fileJustifications(app: { url: string; databaseUrl: string }, specs: JustificationSpec[], now = new Date()) {
  return withDatabase(app, async (db) => {
    const filed: { id: string; reference: string; rowVersion: number }[] = []
    for (const spec of specs) {
      const requester = await db.person.findUniqueOrThrow({ where: { email: spec.requester } })
      const groupId = spec.groupCode ? (await db.group.findUniqueOrThrow({ where: { code: spec.groupCode } })).id : requester.groupId!
      const actor = { id: requester.id, origin }
      const fields: JustificationFields = {
        title: spec.title,
        description: `${spec.title}: set up by an end-to-end test.`,
        supplierName: spec.supplierName,
        supplierCountryCode: spec.supplierCountryCode ?? 'CH',
        originCountryCode: spec.supplierCountryCode ?? 'CH',
        category: 'SUPPLIES',
        amount: spec.amount,
        currency: spec.currency ?? 'CHF',
        groupId,
        reason: 'COMPATIBILITY',
        reasonText: 'Only this manufacturer supplies parts that fit the installed equipment without a costly requalification campaign.',
      }
      const created = ok(await createJustification(db, { fields, actor, now }))
      const result = spec.submit === false ? created : ok(await submitJustification(db, { id: created.id, actor, now }))
      filed.push({ id: created.id, reference: created.reference, rowVersion: result.rowVersion })
    }
    return filed
  })
}

/** A decision taken outside the browser under test (e.g. "meanwhile, in another tab"). */
export async function decideAs(app: { url: string; databaseUrl: string }, email: string, id: string, decision: Decision) {
  return withDatabase(app, async (db) => {
    const person = await db.person.findUniqueOrThrow({ where: { email } })
    return ok(await decideJustification(db, { id, actor: { id: person.id, origin }, decision, now: new Date() }))
  })
}
