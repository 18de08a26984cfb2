import { appendAuditEvent } from '~/audit/audit.server'
import { calendarDateIn, yearOf } from '~/calendar/calendar-date'
import type { Database } from '~/db/client.server'
import { sendAndSnapshot } from '~/workflow/machine'
import { checkReferences, columnsOf, type JustificationFields } from './prepare-fields.server'
import type { PersonActor, TransitionResult } from './transition.server'

/** Files a new justification as a draft. */
export async function createJustification(
  db: Database,
  { fields, actor, now }: { fields: JustificationFields; actor: PersonActor; now: Date },
): Promise<TransitionResult> {
  const problem = await checkReferences(db, fields)
  if (problem) return problem
  const id = crypto.randomUUID()
  const at = now.toISOString()
  const created = sendAndSnapshot(null, { type: 'SAVE_DRAFT', actorId: actor.id, at }, { justificationId: id, requesterId: actor.id })
  if (!created.changed) throw new Error(`A new draft refused its first save: ${created.message}`)
  return db.$transaction(async (tx) => {
    const [{ next }] = await tx.$queryRaw<[{ next: bigint }]>`SELECT nextval('justification_reference_seq') AS next`
    const reference = `SSJ-${yearOf(calendarDateIn(now))}-${String(next).padStart(5, '0')}`
    await tx.justification.create({
      data: { id, reference, requesterId: actor.id, ...columnsOf(fields), machineVersion: created.machineVersion, snapshot: created.persisted as object, createdAt: now },
    })
    await appendAuditEvent(tx, { type: 'JUSTIFICATION_CREATED', actorId: actor.id, subject: `justification:${id}`, payload: { reference, title: fields.title }, origin: actor.origin, at: now })
    return { ok: true, id, reference, status: 'DRAFT', rowVersion: 1 } as const
  })
}
