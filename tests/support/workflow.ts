import type { Database } from '~/db/client.server'
import { createJustification } from '~/justifications/create-justification.server'
import type { JustificationFields } from '~/justifications/prepare-fields.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import { readBody } from '~/email/sealed-body.server'

export const origin = { ipAddress: '203.0.113.7', userAgent: 'vitest' }

/** Person ids of the demo organisation by the local part of their address (rita.romano, …). */
export async function demoPeople(db: Database) {
  const ids: Record<string, string> = {}
  for (const person of await db.person.findMany()) ids[person.email.split('@')[0]!] = person.id
  return ids
}

export async function fileAndSubmit(db: Database, { requesterId, groupCode = 'EN-MME', now, ...overrides }: { requesterId: string; groupCode?: string; now: Date } & Partial<JustificationFields>) {
  const group = await db.group.findUniqueOrThrow({ where: { code: groupCode } })
  const fields: JustificationFields = {
    title: 'Cryocooler cold heads',
    description: 'Two spare cold heads for the installed cryocoolers.',
    supplierName: `Supplier ${crypto.randomUUID().slice(0, 8)}`,
    supplierCountryCode: 'CH',
    originCountryCode: 'DE',
    category: 'SUPPLIES',
    amount: 6_000_000,
    currency: 'CHF',
    groupId: group.id,
    reason: 'COMPATIBILITY',
    reasonText: 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers without requalification.',
    ...overrides,
  }
  const actor = { id: requesterId, origin }
  const created = await createJustification(db, { fields, actor, now })
  if (!created.ok) throw new Error(created.message)
  const submitted = await submitJustification(db, { id: created.id, actor, now })
  if (!submitted.ok) throw new Error(submitted.message)
  return submitted
}

/** The sign-off token in the newest email to an address (as its reader would click it). */
export async function latestSignOffToken(db: Database, to: string): Promise<string> {
  // Bodies are sealed at rest and removed once sent: open each still queued message to this address, newest first.
  const messages = await db.outboxMessage.findMany({ where: { toAddress: to, sealedBody: { not: null } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
  for (const message of messages) {
    const token = readBody(message).text.match(/\/sign-off\/([A-Za-z0-9_-]+)/)?.[1]
    if (token) return token
  }
  throw new Error(`no sign-off link in the outbox for ${to}`)
}
