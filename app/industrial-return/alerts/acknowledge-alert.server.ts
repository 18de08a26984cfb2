import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'

/**
 * Acknowledges an alert, and with it the same country's earlier alerts still open: the dashboard
 * shows a country once, with its latest crossing, so acknowledging it acknowledges what it stands
 * for. One audit event per alert acknowledged.
 */
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
    const earlier = await tx.returnAlert.findMany({
      where: { countryCode: alert.countryCode, acknowledgedAt: null, raisedAt: { lte: alert.raisedAt }, id: { not: alertId } },
      select: { id: true },
    })
    for (const { id } of earlier) {
      const done = await tx.returnAlert.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: now, acknowledgedById: actorId } })
      if (done.count === 0) continue
      await appendAuditEvent(tx, {
        type: 'SPREAD_ALERT_ACKNOWLEDGED',
        actorId,
        subject: `spread-alert:${id}`,
        payload: { alertId: id, countryCode: alert.countryCode, acknowledgedWith: alertId },
        origin,
        at: now,
      })
    }
    return 'ACKNOWLEDGED'
  })
}
