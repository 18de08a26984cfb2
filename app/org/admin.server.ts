import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import { dateColumn, isoDateOfColumn } from '~/calendar/date-column'
import { type AddAbsenceInput, type AddPositionInput, type GroupInput, type PersonInput } from './forms'

export type AdminResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string[]> }

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

const emailTaken: { ok: false; fieldErrors: Record<string, string[]> } = { ok: false, fieldErrors: { email: ['Another person already has this email address.'] } }

export async function createPerson(db: Database, input: PersonInput, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ id: string }>> {
  try {
    return await db.$transaction(async (tx) => {
      const person = await tx.person.create({ data: { ...input, groupId: input.groupId ?? null } })
      await appendAuditEvent(tx, { type: 'PERSON_CREATED', actorId: actor.id, subject: `person:${person.id}`, payload: { email: person.email, name: person.name }, origin: actor.origin })
      return { ok: true, value: { id: person.id } } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return emailTaken
    throw error
  }
}

const auditedPersonFields = ['name', 'email', 'groupId', 'isProcurementOfficer', 'isAdministrator', 'isActive'] as const

export async function updatePerson(db: Database, personId: string, input: PersonInput, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ changed: string[] }>> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.person.findUniqueOrThrow({ where: { id: personId } })
      const after = { ...input, groupId: input.groupId ?? null }
      const changes: Record<string, { from: unknown; to: unknown }> = {}
      for (const field of auditedPersonFields) {
        if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] }
      }
      if (Object.keys(changes).length === 0) return { ok: true, value: { changed: [] } } as const
      await tx.person.update({ where: { id: personId }, data: after })
      if (changes.isActive?.to === false) await tx.session.deleteMany({ where: { personId } })
      await appendAuditEvent(tx, { type: 'PERSON_UPDATED', actorId: actor.id, subject: `person:${personId}`, payload: { changes }, origin: actor.origin })
      return { ok: true, value: { changed: Object.keys(changes) } } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return emailTaken
    throw error
  }
}

export async function addPosition(db: Database, personId: string, input: AddPositionInput, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ id: string }>> {
  if (input.kind === 'DEPUTY' && input.deputyForPersonId === personId) {
    return { ok: false, fieldErrors: { deputyForPersonId: ['Nobody can be their own deputy.'] } }
  }
  return db.$transaction(async (tx) => {
    const position = await tx.position.create({
      data: {
        personId,
        kind: input.kind,
        groupId: input.kind === 'GROUP_LEADER' ? input.groupId! : null,
        departmentId: input.kind === 'DEPARTMENT_HEAD' ? input.departmentId! : null,
        deputyForPersonId: input.kind === 'DEPUTY' ? input.deputyForPersonId! : null,
        startsOn: dateColumn(input.startsOn),
        endsOn: input.endsOn ? dateColumn(input.endsOn) : null,
      },
    })
    await appendAuditEvent(tx, {
      type: 'POSITION_ADDED',
      actorId: actor.id,
      subject: `person:${personId}`,
      payload: {
        positionId: position.id,
        kind: position.kind,
        personId,
        groupId: position.groupId,
        departmentId: position.departmentId,
        deputyForPersonId: position.deputyForPersonId,
        startsOn: isoDateOfColumn(position.startsOn),
        endsOn: position.endsOn ? isoDateOfColumn(position.endsOn) : null,
      },
      origin: actor.origin,
    })
    return { ok: true, value: { id: position.id } } as const
  })
}

/** Positions are never deleted (the workflow's history refers to them): they end on a date. */
export async function endPosition(db: Database, personId: string, positionId: string, endsOn: string, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<null>> {
  return db.$transaction(async (tx) => {
    const position = await tx.position.findFirst({ where: { id: positionId, personId } })
    if (!position) return { ok: false, fieldErrors: { endsOn: ['This position no longer exists.'] } } as const
    if (dateColumn(endsOn) < position.startsOn) return { ok: false, fieldErrors: { endsOn: ['A position cannot end before it starts.'] } } as const
    await tx.position.update({ where: { id: positionId }, data: { endsOn: dateColumn(endsOn) } })
    await appendAuditEvent(tx, { type: 'POSITION_ENDED', actorId: actor.id, subject: `person:${personId}`, payload: { positionId, endsOn }, origin: actor.origin })
    return { ok: true, value: null } as const
  })
}

const codeTaken: { ok: false; fieldErrors: Record<string, string[]> } = { ok: false, fieldErrors: { code: ['Another group already has this code.'] } }

/** Creates a group (groupId null) or renames / moves one; recorded in the group's history. */
export async function saveGroup(db: Database, groupId: string | null, input: GroupInput, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ id: string }>> {
  try {
    return await db.$transaction(async (tx) => {
      const before = groupId ? await tx.group.findUniqueOrThrow({ where: { id: groupId } }) : null
      const group = before ? await tx.group.update({ where: { id: before.id }, data: input }) : await tx.group.create({ data: input })
      const changes: Record<string, { from: unknown; to: unknown }> = {}
      for (const field of ['code', 'name', 'departmentId'] as const) {
        if (before?.[field] !== group[field]) changes[field] = { from: before?.[field] ?? null, to: group[field] }
      }
      if (Object.keys(changes).length > 0) {
        await appendAuditEvent(tx, { type: 'GROUP_SAVED', actorId: actor.id, subject: `group:${group.id}`, payload: { created: before === null, changes }, origin: actor.origin })
      }
      return { ok: true, value: { id: group.id } } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return codeTaken
    throw error
  }
}

/** A signatory away for a period: their steps go to the named deputy, else their standing deputy. */
export async function addAbsence(db: Database, personId: string, input: AddAbsenceInput, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ id: string }>> {
  if (input.deputyId === personId) return { ok: false, fieldErrors: { deputyId: ['Nobody can be their own deputy.'] } }
  if (input.deputyId && !(await db.person.findFirst({ where: { id: input.deputyId, isActive: true }, select: { id: true } }))) {
    return { ok: false, fieldErrors: { deputyId: ['Choose the deputy from the list.'] } }
  }
  return db.$transaction(async (tx) => {
    const absence = await tx.absence.create({
      data: { personId, startsOn: dateColumn(input.startsOn), endsOn: dateColumn(input.endsOn), deputyId: input.deputyId ?? null },
    })
    await appendAuditEvent(tx, {
      type: 'ABSENCE_RECORDED',
      actorId: actor.id,
      subject: `person:${personId}`,
      payload: { absenceId: absence.id, startsOn: input.startsOn, endsOn: input.endsOn, deputyId: input.deputyId ?? null },
      origin: actor.origin,
    })
    return { ok: true, value: { id: absence.id } } as const
  })
}
