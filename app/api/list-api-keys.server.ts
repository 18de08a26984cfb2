import type { DatabaseOrTransaction } from '~/db/client.server'
import { isApiScope, type ApiScope } from './scopes'

export type ApiKeyView = {
  id: string
  name: string
  prefix: string
  scopes: ApiScope[]
  actsFor: { id: string; name: string } | null
  requestsPerMinute: number
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  lastUsedAt: string | null
  state: 'active' | 'expired' | 'revoked'
}

/** Every key, newest first, with whom it acts for: the admin page's table (never a secret or its hash). */
export async function listApiKeys(db: DatabaseOrTransaction, now: Date): Promise<ApiKeyView[]> {
  const keys = await db.apiKey.findMany({ orderBy: { createdAt: 'desc' }, take: 500 })
  const personIds = keys.flatMap((key) => (key.personId ? [key.personId] : []))
  const people = new Map((await db.person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } })).map((p) => [p.id, p]))
  return keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.filter(isApiScope),
    actsFor: key.personId ? (people.get(key.personId) ?? { id: key.personId, name: key.personId }) : null,
    requestsPerMinute: key.requestsPerMinute,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    state: key.revokedAt ? 'revoked' : key.expiresAt <= now ? 'expired' : 'active',
  }))
}
