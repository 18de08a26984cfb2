import type { Database } from '~/db/client.server'
import { formatWindow } from '../arithmetic/window.ts'

export interface AlertView {
  id: string
  countryCode: string
  countryName: string
  entered: boolean
  coefficient: string | null
  window: string
  cause: string
  raisedAt: string
  acknowledgedAt: string | null
  acknowledgedBy: string | null
}

export async function listAlerts(db: Database, { open, limit = 100 }: { open: boolean; limit?: number }): Promise<AlertView[]> {
  const alerts = await db.returnAlert.findMany({
    where: open ? { acknowledgedAt: null } : {},
    orderBy: [{ raisedAt: 'desc' }, { countryCode: 'asc' }],
    take: limit,
  })
  const [countries, people] = await Promise.all([
    db.country.findMany({ where: { code: { in: [...new Set(alerts.map((a) => a.countryCode))] } }, select: { code: true, name: true } }),
    db.person.findMany({ where: { id: { in: alerts.flatMap((a) => (a.acknowledgedById ? [a.acknowledgedById] : [])) } }, select: { id: true, name: true } }),
  ])
  const countryName = new Map(countries.map((c) => [c.code, c.name]))
  const personName = new Map(people.map((p) => [p.id, p.name]))
  return alerts.map((alert) => ({
    id: alert.id,
    countryCode: alert.countryCode,
    countryName: countryName.get(alert.countryCode) ?? alert.countryCode,
    entered: alert.kind === 'ENTERED_VERY_POORLY',
    coefficient: alert.coefficientDisplay,
    window: formatWindow({ fromYear: alert.windowFromYear, toYear: alert.windowToYear }),
    cause: alert.cause,
    raisedAt: alert.raisedAt.toISOString(),
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: alert.acknowledgedById ? (personName.get(alert.acknowledgedById) ?? 'someone no longer listed') : null,
  }))
}
