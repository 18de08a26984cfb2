import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { message } from '~/i18n/message'
import { newApiKeySecret } from './api-key-secret.server'
import type { ApiScope } from './scopes'

export type NewApiKey = {
  name: string
  scopes: ApiScope[]
  /** The person the key acts for; null: the procurement service role. */
  personId: string | null
  expiresAt: Date
  requestsPerMinute: number
}

export type CreateApiKeyOutcome = { ok: true; id: string; key: string; prefix: string } | { ok: false; fieldErrors: Record<string, string[]> }

/** Makes a key: its secret is returned here, once, and only its SHA-256 is stored. */
export async function createApiKey(db: Database, input: NewApiKey, { actorId, origin, now }: { actorId: string; origin: RequestOrigin; now: Date }): Promise<CreateApiKeyOutcome> {
  if (input.personId) {
    const person = await db.person.findUnique({ where: { id: input.personId }, select: { isActive: true } })
    if (!person?.isActive) return { ok: false, fieldErrors: { personId: [message('api-keys:errors.personUnknown')] } }
  }
  if (input.expiresAt <= now) return { ok: false, fieldErrors: { expiresOn: [message('api-keys:errors.expiryPast')] } }
  const secret = newApiKeySecret()
  return db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: input.name,
        prefix: secret.prefix,
        secretSha256: secret.sha256,
        scopes: input.scopes,
        personId: input.personId,
        requestsPerMinute: input.requestsPerMinute,
        expiresAt: input.expiresAt,
        createdById: actorId,
        createdAt: now,
      },
    })
    await appendAuditEvent(tx, {
      type: 'API_KEY_CREATED',
      actorId,
      subject: `api-key:${created.id}`,
      payload: { apiKeyId: created.id, name: input.name, prefix: secret.prefix, scopes: input.scopes, personId: input.personId, requestsPerMinute: input.requestsPerMinute, expiresAt: input.expiresAt.toISOString() },
      origin,
      at: now,
    })
    return { ok: true, id: created.id, key: secret.key, prefix: secret.prefix } as const
  })
}
