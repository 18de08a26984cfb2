import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { dateColumn, isoDateOfColumn } from '~/calendar/date-column'
import type { AdminResult } from './admin-result.server'
import type { AddPositionInput } from './organisation-forms'
import { message } from '~/i18n/message'

export async function addPosition(db: Database, personId: string, input: AddPositionInput, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ id: string }>> {
  if (input.kind === 'DEPUTY' && input.deputyForPersonId === personId) {
    return { ok: false, fieldErrors: { deputyForPersonId: [message('forms:position.ownDeputy')] } }
  }
  return db.$transaction(async (tx) => {
    const position = await tx.position.create({
      data: {
        personId,
        kind: input.kind,
        groupId: input.kind === 'GROUP_LEADER' ? input.groupId! : null,
        departmentId: input.kind === 'DEPARTMENT_HEAD' ? input.departmentId! : null,
        deputyForPersonId: input.kind === 'DEPUTY' ? input.deputyForPersonId! : null,
        startsOn: dateColumn(input.startsOn),
        endsOn: input.endsOn ? dateColumn(input.endsOn) : null,
      },
    })
    await appendAuditEvent(tx, {
      type: 'POSITION_ADDED',
      actorId: actor.id,
      subject: `person:${personId}`,
      payload: {
        positionId: position.id,
        kind: position.kind,
        personId,
        groupId: position.groupId,
        departmentId: position.departmentId,
        deputyForPersonId: position.deputyForPersonId,
        startsOn: isoDateOfColumn(position.startsOn),
        endsOn: position.endsOn ? isoDateOfColumn(position.endsOn) : null,
      },
      origin: actor.origin,
    })
    return { ok: true, value: { id: position.id } } as const
  })
}
