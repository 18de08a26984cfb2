import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { emailTaken, isUniqueViolation, type AdminResult } from './admin-result.server'
import type { Language } from '~/i18n/languages'
import type { PersonInput } from './organisation-forms'

const auditedPersonFields = ['name', 'email', 'groupId', 'isProcurementOfficer', 'isAdministrator', 'isActive', 'preferredLanguage'] as const

/** What the person form sends: the schema's fields, and the preferred language when the form has it (null: none). */
export type PersonUpdate = PersonInput & { preferredLanguage?: Language | null }

export async function updatePerson(db: Database, personId: string, input: PersonUpdate, actor: { id: string; origin: RequestOrigin }): Promise<AdminResult<{ changed: string[] }>> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.person.findUniqueOrThrow({ where: { id: personId } })
      const after = { ...input, groupId: input.groupId ?? null }
      const changes: Record<string, { from: unknown; to: unknown }> = {}
      for (const field of auditedPersonFields) {
        if (after[field] === undefined) continue
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
