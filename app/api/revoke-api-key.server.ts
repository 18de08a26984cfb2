import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'

/** Revokes a key for good: the next request made with it is refused (401). False if it was unknown or already revoked. */
export async function revokeApiKey(db: Database, id: string, { actorId, origin, now }: { actorId: string; origin: RequestOrigin; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedById: actorId } })
    if (count === 0) return false
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id }, select: { name: true, prefix: true } })
    await appendAuditEvent(tx, { type: 'API_KEY_REVOKED', actorId, subject: `api-key:${id}`, payload: { apiKeyId: id, name: key.name, prefix: key.prefix }, origin, at: now })
    return true
  })
}
