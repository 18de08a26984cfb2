import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { countStatements } from '../../tests/support/count-statements'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { loadWholeOrgSnapshot } from '../../tests/support/whole-org-snapshot'
import { dateColumn } from '~/calendar/date-column'
import { Prisma } from '~/generated/prisma/client'
import type { IsoDate } from '~/calendar/calendar-date'
import type { StepRecord } from '~/workflow/justification-types'
import { groupName, isAbsent, personName, whoActsFor, type OrgSnapshot } from '~/workflow/org-snapshot'
import { findReplacement } from '~/workflow/reassignment'
import { signatoryRoles, type RequiredTier, type SignatoryRole } from '~/workflow/signature-policy'
import { resolveSignatories } from '~/workflow/signatories'
import { loadOrgSnapshotFor, orgSnapshotStatement } from './load-org-snapshot.server'

/**
 * The targeted read (ADR 041) against the whole organisation it replaces: for every group, every
 * requester, several policies, escalation tops and days, with absences, named and standing deputies,
 * inactive people, ended, future, overlapping and vacant positions, the routing decided from the
 * targeted snapshot is the routing decided from the whole one; and the read stays one statement
 * reading the same rows when the organisation grows by 50 departments.
 */
describe(`the organisation a submission reads (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  const person = new Map<string, string>()
  const group = new Map<string, string>()
  const days: IsoDate[] = ['2019-06-01', '2026-06-08', '2026-06-10', '2026-06-11', '2026-06-12', '2026-07-01']

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    const db = database.db
    for (const p of await db.person.findMany()) person.set(p.name, p.id)
    for (const g of await db.group.findMany()) group.set(g.code, g.id)
    const id = (name: string) => person.get(name)!
    const absent = (name: string, from: IsoDate, to: IsoDate, deputy?: string) =>
      db.absence.create({ data: { personId: id(name), startsOn: dateColumn(from), endsOn: dateColumn(to), deputyId: deputy ? id(deputy) : null } })

    // A group leader away with a named deputy (not their standing one).
    await absent('Marta Mendes', '2026-06-08', '2026-06-12', 'Erik Nilsen')
    // A leader and their standing deputy away: the department head signs; the head away with a named
    // deputy who has left, so their standing deputy.
    await absent('Luca Leone', '2026-06-09', '2026-06-11')
    await absent('Lena Lindqvist', '2026-06-10', '2026-06-10')
    await absent('Elena Navarro', '2026-06-10', '2026-06-20', 'Alex Admin')
    // A head and their deputy away: up to the director, who is away too with a named deputy.
    await absent('Tomas Eklund', '2026-06-01', '2026-06-30')
    await absent('Teresa Esposito', '2026-06-10', '2026-06-11')
    await absent('Diane Rochat', '2026-06-10', '2026-06-10', 'Frederik Vogel')
    // Overlapping absences: the first one's named deputy comes first.
    await absent('Martin Schulz', '2026-06-05', '2026-06-15', 'Raphaël Roux')
    await absent('Martin Schulz', '2026-06-10', '2026-06-12', 'Greta Gruber')
    // A deputy who is absent while the person they stand in for is absent as well.
    await absent('Claude Renard', '2026-06-10', '2026-06-12')
    await absent('Greta Gruber', '2026-06-11', '2026-06-11')
    // A requester who is a deputy, and away.
    await absent('Mikko Mäkinen', '2026-06-10', '2026-06-10')
    await db.person.update({ where: { id: id('Alex Admin') }, data: { isActive: false } })

    // A leadership handed over: the old position ends, the new one starts the day after.
    const clara = await db.position.findFirstOrThrow({ where: { kind: 'GROUP_LEADER', personId: id('Clara Duval') } })
    await db.position.update({ where: { id: clara.id }, data: { endsOn: dateColumn('2026-06-09') } })
    await db.position.create({ data: { kind: 'GROUP_LEADER', personId: id('Daan de Vries'), groupId: group.get('IT-CD')!, startsOn: dateColumn('2026-06-10') } })
    await db.position.create({ data: { kind: 'DEPUTY', personId: id('Nora Nowak'), deputyForPersonId: id('Daan de Vries'), startsOn: dateColumn('2026-06-10') } })
    // Two leaders at once for two days: the resolution must refuse, not guess.
    await db.position.create({ data: { kind: 'GROUP_LEADER', personId: id('Jonas Jansen'), groupId: group.get('IT-CF')!, startsOn: dateColumn('2026-06-10'), endsOn: dateColumn('2026-06-11') } })
    // A leader who has left: the group is vacant; a standing deputy who has left: none.
    await db.person.update({ where: { id: id('Emma Steiner') }, data: { isActive: false } })
    await db.person.update({ where: { id: id('Tobias Dahl') }, data: { isActive: false } })
    await absent('Dorota Tomaszewska', '2026-06-10', '2026-06-12')
    // A second standing deputy from a later day, and one whose appointment has ended.
    await db.position.create({ data: { kind: 'DEPUTY', personId: id('Paolo Pellegrini'), deputyForPersonId: id('Vera Sokolova'), startsOn: dateColumn('2026-06-11') } })
    await db.position.create({ data: { kind: 'DEPUTY', personId: id('Ines Iglesias'), deputyForPersonId: id('Claude Renard'), startsOn: dateColumn('2020-01-01'), endsOn: dateColumn('2026-06-10') } })
    await absent('Vera Sokolova', '2026-06-10', '2026-06-12')
    // A group with nobody at its head, and a department without a head.
    const fap = await db.department.findUniqueOrThrow({ where: { code: 'FAP' } })
    const { id: vacant } = await db.group.create({ data: { code: 'FAP-NEW', name: 'New group', departmentId: fap.id } })
    group.set('FAP-NEW', vacant)
    const { id: headless } = await db.department.create({ data: { code: 'NEW', name: 'New department' } })
    const { id: orphan } = await db.group.create({ data: { code: 'NEW-ONE', name: 'Orphan group', departmentId: headless } })
    group.set('NEW-ONE', orphan)
    await db.position.create({ data: { kind: 'GROUP_LEADER', personId: id('Hugo Hansen'), groupId: orphan, startsOn: dateColumn('2020-01-01') } })
  })
  afterAll(async () => database?.drop())

  const tierSets: RequiredTier[][] = [
    [
      { tierIndex: 0, aboveChfMinor: 1_000_000, role: 'GROUP_LEADER', label: 'Group leader' },
      { tierIndex: 1, aboveChfMinor: 5_000_000, role: 'DEPARTMENT_HEAD', label: 'Department head' },
    ],
    signatoryRoles.map((role, tierIndex) => ({ tierIndex, aboveChfMinor: tierIndex * 1_000_000, role, label: role })),
    [{ tierIndex: 0, aboveChfMinor: 0, role: 'DEPARTMENT_HEAD', label: 'Department head' }],
  ]
  const tops: Array<SignatoryRole | undefined> = [undefined, 'GROUP_LEADER', 'FINANCE_COMMITTEE']

  test('for every group, requester, policy, escalation top and day, the chain and every reassignment are those of the whole organisation', async () => {
    const db = database.db
    const whole = await loadWholeOrgSnapshot(db)
    const requesters = [...person.values(), 'not-a-person']
    const routed = (org: OrgSnapshot, groupId: string, day: IsoDate) =>
      requesters.flatMap((requesterId) =>
        tierSets.flatMap((tiers) =>
          tops.map((escalationTopRole) => resolveSignatories({ tiers, org, carryingGroupId: groupId, requesterId, date: day, ...(escalationTopRole ? { escalationTopRole } : {}) })),
        ),
      )
    let chains = 0
    let reassignments = 0
    const outcomes = new Set<string>()
    // The reminder pass reads several groups and people at once: a larger scope answers the same.
    const combined = new Map<IsoDate, OrgSnapshot>()
    for (const day of days) combined.set(day, await loadOrgSnapshotFor(db, { groupIds: [...group.values(), 'not-a-group'], personIds: [...person.values(), 'not-a-person'], on: day }))
    for (const [code, groupId] of group) {
      for (const day of days) {
        const targeted = await loadOrgSnapshotFor(db, { groupIds: [groupId], on: day })
        const fromWhole = routed(whole, groupId, day)
        expect(routed(targeted, groupId, day), `${code} on ${day}`).toEqual(fromWhole)
        expect(routed(combined.get(day)!, groupId, day), `${code} on ${day}, all groups at once`).toEqual(fromWhole)
        // What the review page names: the group and its department.
        expect(groupName(targeted, groupId)).toBe(groupName(whole, groupId))
        const departmentId = whole.groups.find((g) => g.id === groupId)!.departmentId
        expect(targeted.departments?.find((d) => d.id === departmentId)).toEqual(whole.departments?.find((d) => d.id === departmentId))

        // Reminders: for each step of each chain, what the scheduler would decide with the snapshot
        // it reads (the step's group and its signatory).
        const steps = new Map<string, { chain: StepRecord[]; stepIndex: number; requesterId: string }[]>()
        fromWhole.forEach((result, index) => {
          outcomes.add(result.ok ? result.chain.map((s) => s.reason).join('+') || 'NONE' : result.error.code)
          if (!result.ok) return
          chains++
          const chain = result.chain.map((s) => ({ ...s, status: 'pending' as const, decidedBy: null, decidedAt: null, comment: null, reassignments: [] }))
          const requesterId = requesters[Math.floor(index / (tierSets.length * tops.length))]!
          chain.forEach((step, stepIndex) => {
            for (const signatoryId of [step.signatoryId, step.originalSignatoryId].filter((s): s is string => s !== null)) {
              const at = { chain: chain.map((s, i) => (i === stepIndex ? { ...s, signatoryId } : s)), stepIndex, requesterId }
              steps.set(signatoryId, [...(steps.get(signatoryId) ?? []), at])
            }
          })
        })
        for (const [signatoryId, cases] of steps) {
          const forStep = await loadOrgSnapshotFor(db, { groupIds: [groupId], personIds: [signatoryId], on: day })
          expect(isAbsent(forStep, signatoryId, day)).toBe(isAbsent(whole, signatoryId, day))
          expect(whoActsFor(forStep, signatoryId, day)).toEqual(whoActsFor(whole, signatoryId, day))
          expect(personName(forStep, signatoryId)).toBe(personName(whole, signatoryId))
          for (const { chain, stepIndex, requesterId } of cases) {
            for (const cause of ['ABSENT', 'OVERDUE'] as const) {
              for (const escalationTopRole of tops) {
                const request = { date: day, requesterId, carryingGroupId: groupId, chain, stepIndex, cause, ...(escalationTopRole ? { escalationTopRole } : {}) }
                expect(findReplacement({ ...request, org: forStep }), `${code} ${day} step ${stepIndex}`).toEqual(findReplacement({ ...request, org: whole }))
                reassignments++
              }
            }
          }
        }
      }
    }
    // The cases the organisation above was built to reach are all reached.
    const reasons = [...outcomes].join(' ')
    for (const expected of ['POSITION', 'DEPUTY_FOR_ABSENT', 'DEPUTY_FOR_SELF_APPROVAL', 'DEPUTY_FOR_ALREADY_SIGNED', 'ESCALATED_VACANT', 'ESCALATED_ABSENT', 'ESCALATED_SELF', 'AMBIGUOUS_POSITION', 'NO_SIGNATORY']) {
      expect(reasons).toContain(expected)
    }
    console.info(`${group.size} groups x ${days.length} days: ${chains} chains and ${reassignments} reassignments equal to the whole organisation's`)
  })

  test('one statement, and the same rows, when the organisation grows by 50 departments', async () => {
    const db = database.db
    const scope = { groupIds: [group.get('EN-MME')!], personIds: [person.get('Marta Mendes')!], on: '2026-06-10' }
    await db.$executeRawUnsafe('ANALYZE')
    const before = await countStatements(() => loadOrgSnapshotFor(db, scope))
    const wholeBefore = await loadWholeOrgSnapshot(db)
    const rowsBefore = await rowsRead(scope, { indexed: true })
    const defaultPlanBefore = await rowsRead(scope, { indexed: false })

    for (let d = 0; d < 50; d++) {
      const { id: departmentId } = await db.department.create({ data: { code: `X${d}`, name: `Extra ${d}` } })
      const head = await db.person.create({ data: { email: `x${d}.head@example.org`, name: `Head ${d}` } })
      const deputyHead = await db.person.create({ data: { email: `x${d}.deputy@example.org`, name: `Deputy head ${d}` } })
      await db.position.createMany({
        data: [
          { kind: 'DEPARTMENT_HEAD', personId: head.id, departmentId, startsOn: dateColumn('2020-01-01') },
          { kind: 'DEPUTY', personId: deputyHead.id, deputyForPersonId: head.id, startsOn: dateColumn('2020-01-01') },
        ],
      })
      await db.absence.create({ data: { personId: head.id, startsOn: dateColumn('2026-06-01'), endsOn: dateColumn('2026-06-30'), deputyId: deputyHead.id } })
      for (let g = 0; g < 3; g++) {
        const { id: groupId } = await db.group.create({ data: { code: `X${d}-G${g}`, name: `Extra ${d}.${g}`, departmentId } })
        const people = await db.person.createManyAndReturn({
          data: ['leader', 'deputy', 'requester'].map((role) => ({ email: `x${d}.g${g}.${role}@example.org`, name: `${role} ${d}.${g}`, groupId })),
        })
        await db.position.createMany({
          data: [
            { kind: 'GROUP_LEADER', personId: people[0]!.id, groupId, startsOn: dateColumn('2020-01-01') },
            { kind: 'DEPUTY', personId: people[1]!.id, deputyForPersonId: people[0]!.id, startsOn: dateColumn('2020-01-01') },
          ],
        })
        await db.absence.create({ data: { personId: people[0]!.id, startsOn: dateColumn('2026-06-10'), endsOn: dateColumn('2026-06-10') } })
      }
    }
    await db.$executeRawUnsafe('ANALYZE')

    const after = await countStatements(() => loadOrgSnapshotFor(db, scope))
    const wholeAfter = await loadWholeOrgSnapshot(db)
    const rowsAfter = await rowsRead(scope, { indexed: true })
    const defaultPlanAfter = await rowsRead(scope, { indexed: false })
    expect(before.statements).toHaveLength(1)
    expect(after.statements).toHaveLength(1)
    expect(after.result).toEqual(before.result)
    expect(rowsAfter).toBe(rowsBefore)
    // The whole organisation, as it was read before, grew with it.
    expect(wholeAfter.positions.length).toBeGreaterThan(wholeBefore.positions.length + 300)
    console.info(
      `targeted: ${before.result.positions.length} positions, ${before.result.absences?.length} absences, ${before.result.people?.length} people; ${rowsBefore} rows read before and ${rowsAfter} after (index lookups), ${defaultPlanBefore} and ${defaultPlanAfter} in the plan PostgreSQL picks for tables this small;` +
        ` whole: ${wholeBefore.positions.length} -> ${wholeAfter.positions.length} positions, ${wholeBefore.people?.length} -> ${wholeAfter.people?.length} people`,
    )
  })

  /**
   * Rows the statement's scans read from tables (kept and filtered out), from its executed plan. On
   * tables of a few pages PostgreSQL may prefer reading them whole to using an index (cheaper at that
   * size); `indexed` measures the plan it takes once they are larger, where every row is looked up.
   */
  async function rowsRead(scope: Parameters<typeof orgSnapshotStatement>[0], { indexed }: { indexed: boolean }): Promise<number> {
    const statement = orgSnapshotStatement(scope)
    const [{ 'QUERY PLAN': plan }] = await database.db.$transaction(async (tx) => {
      if (indexed) await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off')
      return tx.$queryRaw<[{ 'QUERY PLAN': [{ Plan: PlanNode }] }]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`)
    })
    const scanned = (node: PlanNode): number =>
      (node['Relation Name'] ? Math.round(((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * (node['Actual Loops'] ?? 1)) : 0) +
      (node.Plans ?? []).reduce((sum, child) => sum + scanned(child), 0)
    return scanned(plan[0].Plan)
  }
})

type PlanNode = {
  'Relation Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  'Rows Removed by Filter'?: number
  'Rows Removed by Index Recheck'?: number
  Plans?: PlanNode[]
}
