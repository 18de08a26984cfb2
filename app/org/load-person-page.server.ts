import { auditEventLabel } from '~/audit/events'
import type { Database } from '~/db/client.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { formatDateTime, formatPeriod } from '~/calendar/format-date'
import { describePosition } from './describe'

/**
 * What a person's admin page shows: the person (null when adding one), their positions and absences
 * as worded for the page, the lists the forms choose from, and the last 50 changes recorded about
 * them. Undefined when no person has this id.
 */
export async function loadPersonPage(db: Database, personId: string | null, now: Date) {
  const [person, groups, departments, people, history] = await Promise.all([
    personId === null
      ? null
      : db.person.findUnique({
          where: { id: personId },
          include: {
            positions: { include: { group: true, department: true, deputyFor: true }, orderBy: [{ startsOn: 'desc' }] },
            absences: { include: { deputy: true }, orderBy: { startsOn: 'desc' } },
          },
        }),
    db.group.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
    db.department.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
    db.person.findMany({ where: { isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    personId === null ? [] : db.auditEvent.findMany({ where: { subject: `person:${personId}` }, orderBy: { id: 'desc' }, take: 50 }),
  ])
  if (personId !== null && !person) return undefined
  return {
    person: person && {
      id: person.id,
      name: person.name,
      email: person.email,
      groupId: person.groupId,
      isProcurementOfficer: person.isProcurementOfficer,
      isAdministrator: person.isAdministrator,
      isActive: person.isActive,
      positions: person.positions.map((p) => ({ id: p.id, label: describePosition(p), period: formatPeriod(p.startsOn, p.endsOn), ended: p.endsOn !== null })),
      absences: person.absences.map((a) => ({ id: a.id, period: formatPeriod(a.startsOn, a.endsOn), deputy: a.deputy?.name ?? null })),
    },
    groups,
    departments,
    people: people.filter((p) => p.id !== person?.id),
    today: calendarDateIn(now),
    history: history.map((event) => ({ id: String(event.id), label: auditEventLabel(event.type), at: formatDateTime(event.createdAt), payload: JSON.stringify(event.payload) })),
  }
}
