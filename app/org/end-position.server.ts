import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { dateColumn } from '~/calendar/date-column'
import type { AdminResult } from './admin-result.server'

/** Positions are never deleted (the workflow's history refers to them): they end on a date. */
export async function endPosition(db: Database, personId: string, positionId: string, endsOn: string, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<null>> {
  return db.$transaction(async (tx) => {
    const position = await tx.position.findFirst({ where: { id: positionId, personId } })
    if (!position) return { ok: false, fieldErrors: { endsOn: ['This position no longer exists.'] } } as const
    if (dateColumn(endsOn) < position.startsOn) return { ok: false, fieldErrors: { endsOn: ['A position cannot end before it starts.'] } } as const
    await tx.position.update({ where: { id: positionId }, data: { endsOn: dateColumn(endsOn) } })
    await appendAuditEvent(tx, { type: 'POSITION_ENDED', actorId: actor.id, subject: `person:${personId}`, payload: { positionId, endsOn }, origin: actor.origin })
    return { ok: true, value: null } as const
  })
}
