import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Viewer } from '~/justifications/visibility.server'
import { apiKeySha256, looksLikeApiKey } from './api-key-secret.server'
import { isApiScope, type ApiScope } from './scopes'

/**
 * Who calls the API: the key, and whom it acts for. A person's key sees and does what that person
 * may in the browser (their roles and group, read at every request, so a change of role or a
 * departure applies at once); a service key acts as the procurement service role: it sees what a
 * procurement officer sees, but files and submits nothing (a justification has a requester).
 */
export type ApiCaller = {
  keyId: string
  scopes: readonly ApiScope[]
  requestsPerMinute: number
  viewer: Viewer
  /** The person it acts for, or null for a service key. */
  person: { id: string; name: string; preferredLanguage: string | null } | null
}

/** The service role's viewer: procurement's view of justifications; its id is nobody's. */
const SERVICE_VIEWER: Viewer = { id: '00000000-0000-0000-0000-000000000000', groupId: null, isProcurementOfficer: true, isAdministrator: false }

export type Refusal = 'missing' | 'malformed' | 'unknown' | 'revoked' | 'expired' | 'person-inactive'

export type Authentication = { ok: true; caller: ApiCaller } | { ok: false; refusal: Refusal; keyId: string | null; actorId: string | null }

/** Reads `Authorization: Bearer <key>` and finds the key by its SHA-256. */
export async function authenticateApiKey(db: DatabaseOrTransaction, authorization: string | null, now: Date): Promise<Authentication> {
  if (!authorization) return { ok: false, refusal: 'missing', keyId: null, actorId: null }
  const match = /^Bearer +(\S+) *$/i.exec(authorization)
  if (!match) return { ok: false, refusal: 'malformed', keyId: null, actorId: null }
  const presented = match[1]!
  if (!looksLikeApiKey(presented)) return { ok: false, refusal: 'unknown', keyId: null, actorId: null }
  const key = await db.apiKey.findUnique({ where: { secretSha256: apiKeySha256(presented) } })
  if (!key) return { ok: false, refusal: 'unknown', keyId: null, actorId: null }
  if (key.revokedAt) return { ok: false, refusal: 'revoked', keyId: key.id, actorId: key.personId }
  if (key.expiresAt <= now) return { ok: false, refusal: 'expired', keyId: key.id, actorId: key.personId }
  const scopes = key.scopes.filter(isApiScope)
  if (!key.personId) return { ok: true, caller: { keyId: key.id, scopes, requestsPerMinute: key.requestsPerMinute, viewer: SERVICE_VIEWER, person: null } }
  const person = await db.person.findUnique({ where: { id: key.personId } })
  if (!person?.isActive) return { ok: false, refusal: 'person-inactive', keyId: key.id, actorId: key.personId }
  return {
    ok: true,
    caller: {
      keyId: key.id,
      scopes,
      requestsPerMinute: key.requestsPerMinute,
      viewer: { id: person.id, groupId: person.groupId, isProcurementOfficer: person.isProcurementOfficer, isAdministrator: person.isAdministrator },
      person: { id: person.id, name: person.name, preferredLanguage: person.preferredLanguage },
    },
  }
}
