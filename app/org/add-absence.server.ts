import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { dateColumn } from '~/calendar/date-column'
import type { AdminResult } from './admin-result.server'
import type { AddAbsenceInput } from './organisation-forms'
import { message } from '~/i18n/message'

/** A signatory away for a period: their steps go to the named deputy, else their standing deputy. */
export async function addAbsence(db: Database, personId: string, input: AddAbsenceInput, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ id: string }>> {
  if (input.deputyId === personId) return { ok: false, fieldErrors: { deputyId: [message('forms:position.ownDeputy')] } }
  if (input.deputyId && !(await db.person.findFirst({ where: { id: input.deputyId, isActive: true }, select: { id: true } }))) {
    return { ok: false, fieldErrors: { deputyId: [message('forms:absence.deputyNotInList')] } }
  }
  return db.$transaction(async (tx) => {
    const absence = await tx.absence.create({
      data: { personId, startsOn: dateColumn(input.startsOn), endsOn: dateColumn(input.endsOn), deputyId: input.deputyId ?? null },
    })
    await appendAuditEvent(tx, {
      type: 'ABSENCE_RECORDED',
      actorId: actor.id,
      subject: `person:${personId}`,
      payload: { absenceId: absence.id, startsOn: input.startsOn, endsOn: input.endsOn, deputyId: input.deputyId ?? null },
      origin: actor.origin,
    })
    return { ok: true, value: { id: absence.id } } as const
  })
}
