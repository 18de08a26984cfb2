import type { DatabaseOrTransaction } from '~/db/client.server'
import { isoDateOfColumn } from '~/calendar/date-column'
import { orgSnapshotSchema, type OrgSnapshot } from '~/workflow/org-snapshot'

/**
 * The whole organisation as the pure signatory resolution sees it: every group, department, active
 * person, position and absence of all time. This is what every submission read before ADR 041; the
 * app now reads only what routing can reach (loadOrgSnapshotFor), and the tests keep this one as the
 * reference that the targeted read must answer like.
 */
export async function loadWholeOrgSnapshot(db: DatabaseOrTransaction): Promise<OrgSnapshot> {
  const [groups, departments, people, positions, absences] = await Promise.all([
    db.group.findMany({ select: { id: true, departmentId: true, code: true } }),
    db.department.findMany({ select: { id: true, code: true } }),
    db.person.findMany({ where: { isActive: true }, select: { id: true, name: true } }),
    db.position.findMany({ orderBy: [{ startsOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] }),
    db.absence.findMany({ orderBy: [{ startsOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] }),
  ])
  const active = new Set(people.map((p) => p.id))
  return orgSnapshotSchema.parse({
    groups: groups.map((g) => ({ id: g.id, departmentId: g.departmentId, name: g.code })),
    departments: departments.map((d) => ({ id: d.id, name: d.code })),
    people,
    // An inactive person signs nothing: their positions do not count.
    positions: positions
      .filter((p) => active.has(p.personId))
      .map((p) => ({
        personId: p.personId,
        kind: p.kind,
        ...(p.groupId ? { groupId: p.groupId } : {}),
        ...(p.departmentId ? { departmentId: p.departmentId } : {}),
        ...(p.deputyForPersonId ? { deputyForPersonId: p.deputyForPersonId } : {}),
        from: isoDateOfColumn(p.startsOn),
        to: p.endsOn ? isoDateOfColumn(p.endsOn) : null,
      })),
    absences: absences.map((a) => ({
      personId: a.personId,
      from: isoDateOfColumn(a.startsOn),
      to: isoDateOfColumn(a.endsOn),
      deputyId: a.deputyId && active.has(a.deputyId) ? a.deputyId : null,
    })),
  })
}
