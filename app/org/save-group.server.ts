import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { isUniqueViolation, type AdminResult } from './admin-result.server'
import type { GroupInput } from './organisation-forms'
import { message } from '~/i18n/message'

const codeTaken: { ok: false; fieldErrors: Record<string, string[]> } = { ok: false, fieldErrors: { code: [message('forms:group.codeTaken')] } }

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

/** The group form: the group (null for a new one, or when it does not exist) and the departments it may belong to. */
export async function loadGroupForm(db: Database, groupId: string | null) {
  const [group, departments] = await Promise.all([
    groupId ? db.group.findUnique({ where: { id: groupId } }) : null,
    db.department.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
  ])
  return { group, departments }
}
