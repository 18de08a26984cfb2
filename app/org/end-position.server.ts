import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { dateColumn } from '~/calendar/date-column'
import type { AdminResult } from './admin-result.server'
import { message } from '~/i18n/message'

/** Positions are never deleted (the workflow's history refers to them): they end on a date. */
export async function endPosition(db: Database, personId: string, positionId: string, endsOn: string, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<null>> {
  return db.$transaction(async (tx) => {
    const position = await tx.position.findFirst({ where: { id: positionId, personId } })
    if (!position) return { ok: false, fieldErrors: { endsOn: [message('forms:position.gone')] } } as const
    if (dateColumn(endsOn) < position.startsOn) return { ok: false, fieldErrors: { endsOn: [message('forms:position.endsBeforeItStarts')] } } as const
    await tx.position.update({ where: { id: positionId }, data: { endsOn: dateColumn(endsOn) } })
    await appendAuditEvent(tx, { type: 'POSITION_ENDED', actorId: actor.id, subject: `person:${personId}`, payload: { positionId, endsOn }, origin: actor.origin })
    return { ok: true, value: null } as const
  })
}
