import type { DatabaseOrTransaction } from '~/db/client.server'
import { currentStep, justificationContextSchema, KNOWN_MACHINE_VERSIONS } from '~/workflow/machine'
import type { SignatoryRole } from '~/workflow/signature-policy'
import { reasonLabels, type SingleSourceReason } from './labels'
import type { JustificationListItem } from './list-item.server'
import { listAwaitingMySignature } from './list-justifications.server'
import type { Viewer } from './visibility.server'

/** One item of "Awaiting my signature": the list's columns, plus what a signatory decides on. */
export type AwaitingDecisionItem = JustificationListItem & {
  /** The step's label ("Group leader"); null for a snapshot this version cannot read. */
  askedAs: string | null
  /** The step's role, for a page to name a default label in its reader's language. */
  askedAsRole: SignatoryRole | null
  reason: string
  /** The reason's code, for a page to name it in its reader's language. */
  reasonCode: SingleSourceReason
}

/**
 * What awaits this person's signature, oldest first, with the role they sign in and the reason for
 * a single source: on a phone the list is where a signatory decides, so each item says what the
 * sign-off page's first screen says.
 */
export async function listAwaitingMyDecision(db: DatabaseOrTransaction, person: Viewer): Promise<AwaitingDecisionItem[]> {
  const items = await listAwaitingMySignature(db, person)
  if (items.length === 0) return []
  const rows = await db.justification.findMany({ where: { id: { in: items.map((item) => item.id) } }, select: { id: true, reason: true, snapshot: true, machineVersion: true } })
  const byId = new Map(rows.map((row) => [row.id, row]))
  return items.map((item) => {
    const row = byId.get(item.id)!
    // A snapshot written by a workflow version this code does not know is not read.
    const context = KNOWN_MACHINE_VERSIONS.includes(row.machineVersion) ? justificationContextSchema.parse((row.snapshot as { context: unknown }).context) : null
    const step = context ? currentStep(context) : undefined
    return { ...item, askedAs: step?.label ?? null, askedAsRole: step?.role ?? null, reason: reasonLabels[row.reason as SingleSourceReason], reasonCode: row.reason as SingleSourceReason }
  })
}
