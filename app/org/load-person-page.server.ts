import { auditEventLabel } from '~/audit/events'
import type { Database } from '~/db/client.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { isLanguage } from '~/i18n/languages'

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
      preferredLanguage: isLanguage(person.preferredLanguage) ? person.preferredLanguage : null,
      // Worded and dated by the page, in its reader's language.
      positions: person.positions.map((p) => ({
        id: p.id,
        kind: p.kind,
        groupCode: p.group?.code ?? null,
        departmentCode: p.department?.code ?? null,
        deputyForName: p.deputyFor?.name ?? null,
        startsOn: p.startsOn.toISOString(),
        endsOn: p.endsOn?.toISOString() ?? null,
        ended: p.endsOn !== null,
      })),
      absences: person.absences.map((a) => ({ id: a.id, startsOn: a.startsOn.toISOString(), endsOn: a.endsOn.toISOString(), deputy: a.deputy?.name ?? null })),
    },
    groups,
    departments,
    people: people.filter((p) => p.id !== person?.id),
    today: calendarDateIn(now),
    history: history.map((event) => ({ id: String(event.id), label: auditEventLabel(event.type), at: event.createdAt.toISOString(), payload: JSON.stringify(event.payload) })),
  }
}
