import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'

export async function acknowledgeAlert(
  db: Database,
  alertId: string,
  { actorId, now, origin }: { actorId: string; now: Date; origin?: RequestOrigin },
): Promise<'ACKNOWLEDGED' | 'ALREADY' | 'NOT_FOUND'> {
  return db.$transaction(async (tx) => {
    const alert = await tx.returnAlert.findUnique({ where: { id: alertId } })
    if (!alert) return 'NOT_FOUND'
    const { count } = await tx.returnAlert.updateMany({ where: { id: alertId, acknowledgedAt: null }, data: { acknowledgedAt: now, acknowledgedById: actorId } })
    if (count === 0) return 'ALREADY'
    await appendAuditEvent(tx, { type: 'SPREAD_ALERT_ACKNOWLEDGED', actorId, subject: `spread-alert:${alertId}`, payload: { alertId, countryCode: alert.countryCode }, origin, at: now })
    return 'ACKNOWLEDGED'
  })
}
