/** Departments and groups as units of the industrial return: whose they are, and their contracts by country. */
import type { DatabaseOrTransaction } from '~/db/client.server'
import { todayColumn } from '~/calendar/date-column'
import { heldOn } from '~/org/people.server'
import type { Category } from '../arithmetic/bands.ts'
import { ORG_SCOPE, readRollup, scopeKey, type UnitScope } from '../ledger/rollup.server.ts'
import { computedPerDataChange, readReturnDataVersions } from './computed-per-data-change.server.ts'
import { calendarDateIn } from '~/calendar/calendar-date'
import { loadCountries, loadReturnInputs } from './return-inputs.server.ts'
import { computeReport } from './return-report.ts'
import { buildUnitReturn, countryStandings, withCountryStandings, type UnitReturn } from './unit-return.ts'
import type { CalendarWindow } from '../arithmetic/window.ts'

export interface Unit extends UnitScope {
  code: string
  name: string
  /** "Group EN-MME" / "Department EN". */
  label: string
  /** Set when the person sees this unit as the deputy of its leader or head (their name). */
  deputyFor?: string
}

const groupUnit = (group: { id: string; code: string; name: string }): Unit => ({ kind: 'GROUP', id: group.id, code: group.code, name: group.name, label: `Group ${group.code}` })
const departmentUnit = (department: { id: string; code: string; name: string }): Unit => ({
  kind: 'DEPARTMENT',
  id: department.id,
  code: department.code,
  name: department.name,
  label: `Department ${department.code}`,
})

/**
 * The groups a person leads and the departments they head today, and those of the people they are
 * the deputy of today (a deputy stands in for a leader or head, so sees what they see: the page and
 * the digest). A unit held both ways is listed once, as the person's own.
 */
export async function unitsHeldBy(db: DatabaseOrTransaction, personId: string, now: Date): Promise<Unit[]> {
  const today = todayColumn(now)
  const deputising = await db.position.findMany({
    where: { personId, kind: 'DEPUTY', deputyForPersonId: { not: null }, ...heldOn(today) },
    select: { deputyForPersonId: true },
  })
  const principals = [...new Set(deputising.map((position) => position.deputyForPersonId!))].filter((id) => id !== personId)
  const positions = await db.position.findMany({
    where: { personId: { in: [personId, ...principals] }, kind: { in: ['GROUP_LEADER', 'DEPARTMENT_HEAD'] }, ...heldOn(today) },
    include: { group: true, department: true, person: { select: { name: true } } },
    orderBy: { startsOn: 'asc' },
  })
  // Their own first, then as a deputy.
  const ordered = [...positions.filter((p) => p.personId === personId), ...positions.filter((p) => p.personId !== personId)]
  const units = ordered.flatMap((p) => {
    const unit = p.kind === 'GROUP_LEADER' && p.group ? groupUnit(p.group) : p.kind === 'DEPARTMENT_HEAD' && p.department ? departmentUnit(p.department) : null
    if (!unit) return []
    return [p.personId === personId ? unit : { ...unit, deputyFor: p.person.name }]
  })
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
 * The department or group page's figures: its return, each country's band and membership in the
 * organisation's return for the same window and category (so a leader sees which purchases helped a
 * very poorly balanced country), and whether any of its contracts is demo data; computed once per
 * data change (docs/decisions/029-spread-computed-per-data-change.md).
 */
export async function loadUnitFigures(db: DatabaseOrTransaction, unit: UnitScope, window: CalendarWindow, category: Category | 'ALL', now: Date): Promise<{ unitReturn: UnitReturn; hasDemo: boolean }> {
  const { figures: version } = await readReturnDataVersions(db)
  const windowKey = `${window.fromYear}-${window.toYear}`
  const [unitReturn, standings, hasDemo] = await Promise.all([
    computedPerDataChange(db, version, `unit-return:${scopeKey(unit)}:${windowKey}:${category}`, () => loadUnitReturn(db, unit, window, category)),
    // The organisation's report depends on the policy in force today as well as on the data.
    category === 'ALL'
      ? null
      : computedPerDataChange(db, version, `country-standings:${calendarDateIn(now)}:${windowKey}:${category}`, async () => {
          const inputs = await loadReturnInputs(db, now)
          return countryStandings(computeReport(inputs, window, category), inputs.policy.bands)
        }),
    computedPerDataChange(db, version, `unit-demo:${scopeKey(unit)}`, async () => {
      const demo = await db.contract.findFirst({ where: { source: 'DEMO', ...(unit.kind === 'GROUP' ? { groupId: unit.id } : { departmentId: unit.id }) }, select: { id: true } })
      return demo !== null
    }),
  ])
  return { unitReturn: standings ? withCountryStandings(unitReturn, standings) : unitReturn, hasDemo }
}
