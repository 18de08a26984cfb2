import { appendAuditEvent } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { minorFromColumn } from '~/money/minor-units'
import { reasonLabels } from './labels'
import { checkReferences, columnsOf, type JustificationFields } from './prepare-fields.server'
import { runTransition, type PersonActor, type TransitionResult } from './transition.server'

type Comparable = string | number | null

function describeValue(field: string, value: Comparable, currency: string): Comparable {
  if (field === 'amountMinor' && typeof value === 'number') return formatMoney(value, currency as Currency)
  if (field === 'reason' && typeof value === 'string') return reasonLabels[value as keyof typeof reasonLabels] ?? value
  return value
}

/** A column's value as the audit event compares it: amounts (BIGINT) as numbers of minor units. */
function comparable(value: unknown): Comparable {
  return typeof value === 'bigint' ? minorFromColumn(value) : (value as Comparable)
}

/** Edits a draft, or a justification sent back for changes. The audit event lists each change, from and to. */
export async function editJustification(
  db: Database,
  { id, rowVersion, fields, actor, now }: { id: string; rowVersion: number; fields: JustificationFields; actor: PersonActor; now: Date },
): Promise<TransitionResult> {
  const problem = await checkReferences(db, fields)
  if (problem) return problem
  const next = columnsOf(fields)
  return runTransition(db, {
    justificationId: id,
    expectedRowVersion: rowVersion,
    actor,
    prepare: async (row) => {
      const changes: Record<string, { from: Comparable; to: Comparable }> = {}
      for (const [field, value] of Object.entries(next)) {
        if (field === 'supplierKey') continue
        const from = comparable(row[field as keyof typeof row])
        const to = comparable(value)
        if (from !== to) changes[field] = { from: describeValue(field, from, row.currency), to: describeValue(field, to, fields.currency) }
      }
      return {
        event: { type: 'EDIT', actorId: actor.id, at: now.toISOString() },
        columns: next,
        alsoWrite: async (tx) => {
          if (Object.keys(changes).length === 0) return
          await appendAuditEvent(tx, { type: 'JUSTIFICATION_EDITED', actorId: actor.id, subject: `justification:${id}`, payload: { changes }, origin: actor.origin, at: now })
        },
      }
    },
  })
}
