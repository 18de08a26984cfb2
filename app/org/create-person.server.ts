import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { emailTaken, isUniqueViolation, type AdminResult } from './admin-result.server'
import type { PersonUpdate } from './update-person.server'

export async function createPerson(db: Database, input: PersonUpdate, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ id: string }>> {
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
