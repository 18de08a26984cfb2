import type { Database } from '~/db/client.server'
import { createJustification } from '~/justifications/create-justification.server'
import type { JustificationFields } from '~/justifications/prepare-fields.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import type { TransitionResult } from '~/justifications/transition.server'
import { readQueuedEmail } from '~/email/open-queued-email.server'

export const origin = { ipAddress: '203.0.113.7', userAgent: 'vitest' }

/** Person ids of the demo organisation by the local part of their address (rita.romano, …). */
export async function demoPeople(db: Database) {
  const ids: Record<string, string> = {}
  for (const person of await db.person.findMany()) ids[person.email.split('@')[0]!] = person.id
  return ids
}

/** A plausible justification's fields (spare cold heads, 60 000 CHF, compatibility): override what a test is about. */
export function justificationFields(overrides: Partial<JustificationFields> & { groupId: string }): JustificationFields {
  return {
    title: 'Cryocooler heads for the test bench',
    description: 'Two spare cold heads for the installed cryocoolers.',
    supplierName: 'Cryo Instruments AG',
    supplierCountryCode: 'CH',
    originCountryCode: 'DE',
    category: 'SUPPLIES',
    amount: 6_000_000,
    currency: 'CHF',
    reason: 'COMPATIBILITY',
    reasonText: 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers without requalification.',
    ...overrides,
  }
}

/** A use case's success, or the test fails saying why it was refused. */
export function ok(result: TransitionResult) {
  if (!result.ok) throw new Error(`${result.kind}: ${result.message}`)
  return result
}

/** A signature policy of the demo's three tiers (group leader above 10 000 CHF, department head above 50 000, then the Finance Committee). */
export function threeTierPolicy({ effectiveFrom, splitPurchaseWindowDays, financeCommitteeAboveChfMinor }: { effectiveFrom: string; splitPurchaseWindowDays: number; financeCommitteeAboveChfMinor: number }) {
  return {
    effectiveFrom,
    splitPurchaseWindowDays,
    tiers: [
      { aboveChfMinor: 1_000_000, role: 'GROUP_LEADER' as const, label: 'Group leader' },
      { aboveChfMinor: 5_000_000, role: 'DEPARTMENT_HEAD' as const, label: 'Department head' },
      { aboveChfMinor: financeCommitteeAboveChfMinor, role: 'FINANCE_COMMITTEE' as const, label: 'Finance Committee' },
    ],
  }
}

/** Files a draft through the filing use case (not submitted): documents can be attached to it. */
export async function fileDraft(db: Database, { requesterId, groupCode = 'EN-MME', now, ...overrides }: { requesterId: string; groupCode?: string; now: Date } & Partial<JustificationFields>) {
  const group = await db.group.findUniqueOrThrow({ where: { code: groupCode } })
  const fields = justificationFields({ title: 'Cryocooler cold heads', supplierName: `Supplier ${crypto.randomUUID().slice(0, 8)}`, groupId: group.id, ...overrides })
  const created = await createJustification(db, { fields, actor: { id: requesterId, origin }, now })
  if (!created.ok) throw new Error(created.message)
  return created
}

export async function fileAndSubmit(db: Database, { requesterId, groupCode = 'EN-MME', now, ...overrides }: { requesterId: string; groupCode?: string; now: Date } & Partial<JustificationFields>) {
  const created = await fileDraft(db, { requesterId, groupCode, now, ...overrides })
  const actor = { id: requesterId, origin }
  const submitted = await submitJustification(db, { id: created.id, actor, now })
  if (!submitted.ok) throw new Error(submitted.message)
  return submitted
}

/** The sign-off token in the newest email to an address (as its reader would click it). */
export async function latestSignOffToken(db: Database, to: string): Promise<string> {
  // Bodies are sealed at rest and removed once sent: open each still queued message to this address, newest first.
  const messages = await db.outboxMessage.findMany({ where: { toAddress: to, sealedBody: { not: null } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
  for (const message of messages) {
    const token = (await readQueuedEmail(message)).text.match(/\/sign-off\/([A-Za-z0-9_-]+)/)?.[1]
    if (token) return token
  }
  throw new Error(`no sign-off link in the outbox for ${to}`)
}
