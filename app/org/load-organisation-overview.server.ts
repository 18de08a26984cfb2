/**
 * The administrator's overview of the organisation: departments with their heads, groups with their
 * leaders and member counts, each holder's deputies in force today, and everybody.
 */
import { todayColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import { heldOn } from './people.server'

export async function loadOrganisationOverview(db: Database, now: Date) {
  const today = todayColumn(now)
  const [departments, people, deputies] = await Promise.all([
    db.department.findMany({
      orderBy: { code: 'asc' },
      include: {
        positions: { where: { kind: 'DEPARTMENT_HEAD', ...heldOn(today) }, include: { person: true } },
        groups: {
          orderBy: { code: 'asc' },
          include: {
            positions: { where: { kind: 'GROUP_LEADER', ...heldOn(today) }, include: { person: true } },
            _count: { select: { members: true } },
          },
        },
      },
    }),
    db.person.findMany({ orderBy: { name: 'asc' }, include: { group: true } }),
    db.position.findMany({ where: { kind: 'DEPUTY', ...heldOn(today) }, include: { person: true, deputyFor: true } }),
  ])
  const deputiesOf = (personId: string) => deputies.filter((d) => d.deputyForPersonId === personId).map((d) => ({ id: d.person.id, name: d.person.name, startsOn: d.startsOn.toISOString(), endsOn: d.endsOn?.toISOString() ?? null }))
  return {
    departments: departments.map((department) => ({
      id: department.id,
      code: department.code,
      name: department.name,
      heads: department.positions.map((p) => ({ id: p.person.id, name: p.person.name, deputies: deputiesOf(p.person.id) })),
      groups: department.groups.map((group) => ({
        id: group.id,
        code: group.code,
        name: group.name,
        members: group._count.members,
        leaders: group.positions.map((p) => ({ id: p.person.id, name: p.person.name, deputies: deputiesOf(p.person.id) })),
      })),
    })),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      group: p.group?.code ?? null,
      isProcurementOfficer: p.isProcurementOfficer,
      isAdministrator: p.isAdministrator,
      isActive: p.isActive,
    })),
  }
}
