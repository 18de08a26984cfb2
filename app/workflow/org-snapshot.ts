/**
 * The organisational structure on which signatory resolution works, as plain data.
 *
 * The database layer builds it from its rows; this module only answers questions about it
 * ("who leads group G on day D", "who stands in for P on day D"), so those answers are testable
 * without a database and identical for submission, reminders and escalation.
 * All periods are inclusive at both ends (see `isWithin`).
 */
import * as z from 'zod'
import { isoDateSchema, isWithin, type IsoDate } from '../calendar/calendar-date.ts'
import { signatoryRoles, type SignatoryRole } from './signature-policy.ts'

export const positionKinds = [...signatoryRoles, 'DEPUTY'] as const
export type PositionKind = (typeof positionKinds)[number]

export const positionSchema = z
  .object({
    personId: z.string().min(1),
    kind: z.enum(positionKinds),
    groupId: z.string().min(1).optional(),
    departmentId: z.string().min(1).optional(),
    /** For DEPUTY: the person this one stands in for. Several deputies are tried in list order. */
    deputyForPersonId: z.string().min(1).optional(),
    from: isoDateSchema,
    to: z.nullish(isoDateSchema),
  })
  .refine((p) => p.kind !== 'GROUP_LEADER' || p.groupId, { message: 'A group leader position needs a groupId.' })
  .refine((p) => p.kind !== 'DEPARTMENT_HEAD' || p.departmentId, { message: 'A department head position needs a departmentId.' })
  .refine((p) => p.kind !== 'DEPUTY' || p.deputyForPersonId, { message: 'A deputy position needs deputyForPersonId.' })

export const absenceSchema = z.object({
  personId: z.string().min(1),
  from: isoDateSchema,
  to: isoDateSchema,
  /** A deputy named for this absence only; tried before the standing deputies. */
  deputyId: z.string().min(1).nullish(),
})

export const orgSnapshotSchema = z.object({
  groups: z.array(z.object({ id: z.string().min(1), departmentId: z.string().min(1), name: z.string().optional() })),
  departments: z.array(z.object({ id: z.string().min(1), name: z.string() })).optional(),
  people: z.array(z.object({ id: z.string().min(1), name: z.string() })).optional(),
  positions: z.array(positionSchema),
  absences: z.array(absenceSchema).optional(),
})

export type Position = z.infer<typeof positionSchema>
export type Absence = z.infer<typeof absenceSchema>
export type OrgSnapshot = z.infer<typeof orgSnapshotSchema>

export type HolderLookup =
  | { ok: true; personId: string }
  | { ok: false; problem: 'VACANT' | 'UNKNOWN_GROUP' }
  | { ok: false; problem: 'AMBIGUOUS'; personIds: string[] }

/** Who holds `role` for the carrying group on `date`: its leader, its department's head, or the
 * organisation-wide holder for higher roles. */
export function holderOf(org: OrgSnapshot, role: SignatoryRole, carryingGroupId: string, date: IsoDate): HolderLookup {
  const group = org.groups.find((g) => g.id === carryingGroupId)
  if (!group) return { ok: false, problem: 'UNKNOWN_GROUP' }
  const holders = org.positions.filter((p) => {
    if (p.kind !== role || !isWithin(date, p.from, p.to)) return false
    if (role === 'GROUP_LEADER') return p.groupId === group.id
    if (role === 'DEPARTMENT_HEAD') return p.departmentId === group.departmentId
    return true
  })
  const personIds = [...new Set(holders.map((p) => p.personId))]
  const [only, ...others] = personIds
  if (only === undefined) return { ok: false, problem: 'VACANT' }
  // Overlapping appointments are a data error; guessing would route signatures to the wrong person.
  if (others.length > 0) return { ok: false, problem: 'AMBIGUOUS', personIds }
  return { ok: true, personId: only }
}

export function absenceOn(org: OrgSnapshot, personId: string, date: IsoDate): Absence | undefined {
  return org.absences?.find((a) => a.personId === personId && isWithin(date, a.from, a.to))
}

export function isAbsent(org: OrgSnapshot, personId: string, date: IsoDate): boolean {
  return absenceOn(org, personId, date) !== undefined
}

/** People who may stand in for `personId` on `date`, in order of preference: the deputy named
 * for a current absence first, then standing deputies in list order. Presence is not checked. */
export function deputiesOf(org: OrgSnapshot, personId: string, date: IsoDate): string[] {
  const named = absenceOn(org, personId, date)?.deputyId
  const standing = org.positions.filter((p) => p.kind === 'DEPUTY' && p.deputyForPersonId === personId && isWithin(date, p.from, p.to)).map((p) => p.personId)
  return [...new Set([...(named ? [named] : []), ...standing])].filter((id) => id !== personId)
}

export type ActingSignatory = { personId: string; reason: 'PRESENT' } | { personId: string; reason: 'DEPUTY_FOR_ABSENT'; absentPersonId: string }

/**
 * Who acts for `personId` on `date`: the person when present, else their first deputy who is
 * present, else null (nobody: escalate). Reminder and escalation jobs use this to decide whom to
 * write to.
 */
export function whoActsFor(org: OrgSnapshot, personId: string, date: IsoDate): ActingSignatory | null {
  if (!isAbsent(org, personId, date)) return { personId, reason: 'PRESENT' }
  const deputy = deputiesOf(org, personId, date).find((id) => !isAbsent(org, id, date))
  return deputy ? { personId: deputy, reason: 'DEPUTY_FOR_ABSENT', absentPersonId: personId } : null
}

export function personName(org: OrgSnapshot, personId: string): string {
  return org.people?.find((p) => p.id === personId)?.name ?? personId
}

export function groupName(org: OrgSnapshot, groupId: string): string {
  return org.groups.find((g) => g.id === groupId)?.name ?? groupId
}
