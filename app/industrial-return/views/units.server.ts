/** Departments and groups as units of the industrial return: whose they are, and their contracts by country. */
import type { DatabaseOrTransaction } from '~/db/client.server'
import { todayColumn } from '~/calendar/date-column'
import { heldOn } from '~/org/people.server'
import type { Category } from '../arithmetic/bands.ts'
import { ORG_SCOPE, readRollup, scopeKey, type UnitScope } from '../ledger/rollup.server.ts'
import { computedPerDataChange, readReturnDataVersions } from './computed-per-data-change.server.ts'
import { loadCountries } from './return-inputs.server.ts'
import { buildUnitReturn, type UnitReturn } from './unit-return.ts'
import type { CalendarWindow } from '../arithmetic/window.ts'

export interface Unit extends UnitScope {
  code: string
  name: string
  /** "Group EN-MME" / "Department EN". */
  label: string
}

const groupUnit = (group: { id: string; code: string; name: string }): Unit => ({ kind: 'GROUP', id: group.id, code: group.code, name: group.name, label: `Group ${group.code}` })
const departmentUnit = (department: { id: string; code: string; name: string }): Unit => ({
  kind: 'DEPARTMENT',
  id: department.id,
  code: department.code,
  name: department.name,
  label: `Department ${department.code}`,
})

/** The groups a person leads and the departments they head today. */
export async function unitsHeldBy(db: DatabaseOrTransaction, personId: string, now: Date): Promise<Unit[]> {
  const positions = await db.position.findMany({
    where: { personId, kind: { in: ['GROUP_LEADER', 'DEPARTMENT_HEAD'] }, ...heldOn(todayColumn(now)) },
    include: { group: true, department: true },
    orderBy: { startsOn: 'asc' },
  })
  const units = positions.flatMap((p) => (p.kind === 'GROUP_LEADER' && p.group ? [groupUnit(p.group)] : p.kind === 'DEPARTMENT_HEAD' && p.department ? [departmentUnit(p.department)] : []))
  const seen = new Set<string>()
  return units.filter((unit) => !seen.has(scopeKey(unit)) && seen.add(scopeKey(unit)))
}

/** Every unit, for procurement (who may look at any department or group). */
export async function allUnits(db: DatabaseOrTransaction): Promise<Unit[]> {
  const departments = await db.department.findMany({ orderBy: { code: 'asc' }, include: { groups: { orderBy: { code: 'asc' } } } })
  return departments.flatMap((department) => [departmentUnit(department), ...department.groups.map(groupUnit)])
}

export async function findUnit(db: DatabaseOrTransaction, scope: UnitScope): Promise<Unit | null> {
  if (scope.kind === 'GROUP') {
    const group = await db.group.findUnique({ where: { id: scope.id } })
    return group && groupUnit(group)
  }
  const department = await db.department.findUnique({ where: { id: scope.id } })
  return department && departmentUnit(department)
}

export async function loadUnitReturn(db: DatabaseOrTransaction, unit: UnitScope, window: CalendarWindow, category: Category | 'ALL'): Promise<UnitReturn> {
  const [mine, organisation, countries] = await Promise.all([readRollup(db, scopeKey(unit)), readRollup(db, ORG_SCOPE), loadCountries(db)])
  return buildUnitReturn(mine, organisation, countries, window, category)
}

/**
 * The department or group page's figures: its return and whether any of its contracts is demo data,
 * computed once per data change (docs/decisions/029-spread-computed-per-data-change.md).
 */
export async function loadUnitFigures(db: DatabaseOrTransaction, unit: UnitScope, window: CalendarWindow, category: Category | 'ALL'): Promise<{ unitReturn: UnitReturn; hasDemo: boolean }> {
  const { figures: version } = await readReturnDataVersions(db)
  const [unitReturn, hasDemo] = await Promise.all([
    computedPerDataChange(db, version, `unit-return:${scopeKey(unit)}:${window.fromYear}-${window.toYear}:${category}`, () => loadUnitReturn(db, unit, window, category)),
    computedPerDataChange(db, version, `unit-demo:${scopeKey(unit)}`, async () => {
      const demo = await db.contract.findFirst({ where: { source: 'DEMO', ...(unit.kind === 'GROUP' ? { groupId: unit.id } : { departmentId: unit.id }) }, select: { id: true } })
      return demo !== null
    }),
  ])
  return { unitReturn, hasDemo }
}
