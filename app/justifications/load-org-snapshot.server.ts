import type { IsoDate } from '~/calendar/calendar-date'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import { orgSnapshotSchema, type OrgSnapshot } from '~/workflow/org-snapshot'

export type RoutingScope = {
  /** The carrying groups whose signatories the caller routes to. */
  groupIds: readonly string[]
  /** People the caller asks about besides the position holders: an open step's signatory (reminders). */
  personIds?: readonly string[]
  /** The day the routing is decided on: only positions and absences covering it are read. */
  on: IsoDate
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type SnapshotRow = {
  groups: Array<{ id: string; departmentId: string; name: string }>
  departments: Array<{ id: string; name: string }>
  people: Array<{ id: string; name: string }>
  positions: Array<{ personId: string; kind: string; groupId: string | null; departmentId: string | null; deputyForPersonId: string | null; from: string; to: string | null }>
  absences: Array<{ personId: string; from: string; to: string; deputyId: string | null }>
}

/**
 * The part of the organisation that routing on day `on` can reach from the given groups, as the pure
 * signatory resolution sees it (ADR 041), in one statement:
 *  - the groups and their departments (names for the review page);
 *  - the positions in force that can sign for them: each group's leader, its department's head, the
 *    organisation-wide roles (director, Finance Committee), all of them when two overlap (the
 *    resolution refuses an ambiguous position, so it must see both);
 *  - the "principals": those holders and `personIds`; their standing deputies in force; the deputies
 *    named by their absences on that day;
 *  - the absences on that day of principals and deputies (the resolution asks "absent?" of both, and
 *    takes a principal's named deputy from the first absence covering the day);
 *  - the names of the active ones among all these people.
 * An inactive person signs nothing, as in the whole organisation's snapshot this replaces: their
 * positions are left out and a named deputy who is inactive counts as none. Every signatory lookup
 * (signatories.ts, reassignment.ts, whoActsFor) for those groups and people on that day answers as it
 * would on the whole organisation (load-org-snapshot.server.test.ts), and the statement reads the same
 * rows whatever the size of the rest of the organisation.
 */
export async function loadOrgSnapshotFor(db: DatabaseOrTransaction, scope: RoutingScope): Promise<OrgSnapshot> {
  const [row] = await db.$queryRaw<SnapshotRow[]>(orgSnapshotStatement(scope))
  const { groups, departments, people, positions, absences } = row!
  return orgSnapshotSchema.parse({
    groups,
    departments,
    people,
    positions: positions.map((p) => ({
      personId: p.personId,
      kind: p.kind,
      ...(p.groupId ? { groupId: p.groupId } : {}),
      ...(p.departmentId ? { departmentId: p.departmentId } : {}),
      ...(p.deputyForPersonId ? { deputyForPersonId: p.deputyForPersonId } : {}),
      from: p.from,
      to: p.to,
    })),
    absences,
  })
}

/** The one statement loadOrgSnapshotFor sends (exported for the test that reads its plan). */
export function orgSnapshotStatement(scope: RoutingScope): Prisma.Sql {
  // Ids are uuid columns: anything else names nobody (and would fail the statement's casts).
  const groupIds = [...new Set(scope.groupIds)].filter((id) => UUID.test(id))
  const personIds = [...new Set(scope.personIds ?? [])].filter((id) => UUID.test(id))
  const day = scope.on
  const inForce = (alias: string) => Prisma.sql`${Prisma.raw(alias)}."startsOn" <= ${day}::date AND (${Prisma.raw(alias)}."endsOn" IS NULL OR ${Prisma.raw(alias)}."endsOn" >= ${day}::date)`
  // Each lookup is a LATERAL subquery fenced by OFFSET 0: the planner cannot flatten it into a join it
  // might answer with a scan of the whole table, so every row is found by its index from the few
  // before it, and the rows read do not depend on the size of the organisation.
  return Prisma.sql`
    WITH grp AS (
      SELECT g.* FROM unnest(${groupIds}::uuid[]) AS k("id")
      CROSS JOIN LATERAL (SELECT g."id", g."departmentId", g."code" FROM "Group" g WHERE g."id" = k."id" OFFSET 0) g
    ), dept AS (
      SELECT d.* FROM (SELECT DISTINCT "departmentId" AS "id" FROM grp) k
      CROSS JOIN LATERAL (SELECT d."id", d."code" FROM "Department" d WHERE d."id" = k."id" OFFSET 0) d
    ), held AS (
      SELECT p.* FROM grp CROSS JOIN LATERAL (
        SELECT p.* FROM "Position" p WHERE p."groupId" = grp."id" AND p."kind" = 'GROUP_LEADER' AND ${inForce('p')} OFFSET 0
      ) p
      UNION ALL
      SELECT p.* FROM dept CROSS JOIN LATERAL (
        SELECT p.* FROM "Position" p WHERE p."departmentId" = dept."id" AND p."kind" = 'DEPARTMENT_HEAD' AND ${inForce('p')} OFFSET 0
      ) p
      UNION ALL
      SELECT p.* FROM unnest(ARRAY['DIRECTOR', 'FINANCE_COMMITTEE']::"PositionKind"[]) AS r("kind") CROSS JOIN LATERAL (
        SELECT p.* FROM "Position" p WHERE p."kind" = r."kind" AND ${inForce('p')} OFFSET 0
      ) p
    ), holding AS (
      SELECT held.* FROM held
      CROSS JOIN LATERAL (SELECT 1 FROM "Person" h WHERE h."id" = held."personId" AND h."isActive" OFFSET 0) h
    ), principal AS (
      SELECT "personId" AS "id" FROM holding UNION SELECT unnest(${personIds}::uuid[])
    ), standing AS (
      SELECT p.* FROM principal pr CROSS JOIN LATERAL (
        SELECT p.* FROM "Position" p WHERE p."deputyForPersonId" = pr."id" AND p."kind" = 'DEPUTY' AND ${inForce('p')}
          AND EXISTS (SELECT 1 FROM "Person" d WHERE d."id" = p."personId" AND d."isActive") OFFSET 0
      ) p
    ), principal_absence AS (
      SELECT a.* FROM principal pr CROSS JOIN LATERAL (
        SELECT a.* FROM "Absence" a WHERE a."personId" = pr."id" AND a."startsOn" <= ${day}::date AND a."endsOn" >= ${day}::date OFFSET 0
      ) a
    ), reached AS (
      SELECT "id" FROM principal
      UNION SELECT "personId" FROM standing
      UNION SELECT "deputyId" FROM principal_absence WHERE "deputyId" IS NOT NULL
    ), absence AS (
      SELECT a.* FROM reached r CROSS JOIN LATERAL (
        SELECT a."personId", a."startsOn", a."endsOn", a."createdAt", a."id",
          (SELECT d."id" FROM "Person" d WHERE d."id" = a."deputyId" AND d."isActive") AS "deputyId"
        FROM "Absence" a WHERE a."personId" = r."id" AND a."startsOn" <= ${day}::date AND a."endsOn" >= ${day}::date OFFSET 0
      ) a
    ), person AS (
      SELECT p.* FROM reached r CROSS JOIN LATERAL (SELECT p."id", p."name" FROM "Person" p WHERE p."id" = r."id" AND p."isActive" OFFSET 0) p
    ), position AS (
      SELECT * FROM holding UNION ALL SELECT * FROM standing
    )
    SELECT
      COALESCE((SELECT json_agg(json_build_object('id', "id", 'departmentId', "departmentId", 'name', "code") ORDER BY "id") FROM grp), '[]'::json) AS "groups",
      COALESCE((SELECT json_agg(json_build_object('id', "id", 'name', "code") ORDER BY "id") FROM dept), '[]'::json) AS "departments",
      COALESCE((SELECT json_agg(json_build_object('id', "id", 'name', "name") ORDER BY "id") FROM person), '[]'::json) AS "people",
      COALESCE((
        SELECT json_agg(json_build_object(
          'personId', "personId", 'kind', "kind", 'groupId', "groupId", 'departmentId', "departmentId", 'deputyForPersonId', "deputyForPersonId",
          'from', to_char("startsOn", 'YYYY-MM-DD'), 'to', to_char("endsOn", 'YYYY-MM-DD')
        ) ORDER BY "startsOn", "createdAt", "id")
        FROM position
      ), '[]'::json) AS "positions",
      COALESCE((
        SELECT json_agg(json_build_object(
          'personId', "personId", 'from', to_char("startsOn", 'YYYY-MM-DD'), 'to', to_char("endsOn", 'YYYY-MM-DD'), 'deputyId', "deputyId"
        ) ORDER BY "startsOn", "createdAt", "id")
        FROM absence
      ), '[]'::json) AS "absences"`
}
