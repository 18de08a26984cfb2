import { createHash } from 'node:crypto'
import type { Database } from '~/db/client.server'

// Idempotency-Key on POST (draft-ietf-httpapi-idempotency-key-header): the first request with a key
// claims it (one INSERT ... ON CONFLICT DO NOTHING, so of two concurrent requests exactly one wins);
// its answer is stored and given again to every retry with the same key and the same request. The
// same key with another request is 422; a retry while the first is still running is 409. Keys are
// per API key and forgotten after a day. A 5xx answer is not kept: the request may be tried again.

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export type StoredAnswer = { status: number; contentType: string | null; location: string | null; body: string | null }

export type Claim = { kind: 'claimed' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'reused' } | { kind: 'in-progress' }

/** The header's value: a Structured Field string ("...") or, as many clients send it, the bare token. */
export function readIdempotencyKey(header: string | null): { ok: true; key: string | null } | { ok: false } {
  if (header === null) return { ok: true, key: null }
  const trimmed = header.trim()
  const key = /^".*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) return { ok: false }
  return { ok: true, key }
}

export function requestFingerprint(method: string, pathAndQuery: string, body: string): string {
  return createHash('sha256').update(`${method} ${pathAndQuery}\n`).update(body).digest('hex')
}

export async function claimIdempotencyKey(db: Database, { apiKeyId, key, fingerprint, now }: { apiKeyId: string; key: string; fingerprint: string; now: Date }): Promise<Claim> {
  // This key's records older than a day are forgotten first: the key may then be used afresh.
  await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "apiKeyId" = ${apiKeyId}::uuid AND "createdAt" < ${new Date(now.getTime() - IDEMPOTENCY_TTL_MS)}`
  const inserted = await db.$executeRaw`
    INSERT INTO "IdempotencyKey" ("apiKeyId", "key", "requestSha256", "createdAt") VALUES (${apiKeyId}::uuid, ${key}, ${fingerprint}, ${now})
    ON CONFLICT ("apiKeyId", "key") DO NOTHING`
  if (inserted === 1) return { kind: 'claimed' }
  const row = await db.idempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } })
  // Released meanwhile (the first attempt failed with a 5xx): still somebody else's turn, try again.
  if (!row) return { kind: 'in-progress' }
  if (row.requestSha256 !== fingerprint) return { kind: 'reused' }
  if (row.status === null) return { kind: 'in-progress' }
  return { kind: 'replay', answer: { status: row.status, contentType: row.contentType, location: row.location, body: row.body } }
}

export async function storeAnswer(db: Database, { apiKeyId, key }: { apiKeyId: string; key: string }, answer: StoredAnswer): Promise<void> {
  if (answer.status >= 500) {
    await releaseIdempotencyKey(db, { apiKeyId, key })
    return
  }
  await db.idempotencyKey.update({ where: { apiKeyId_key: { apiKeyId, key } }, data: answer })
}

export async function releaseIdempotencyKey(db: Database, { apiKeyId, key }: { apiKeyId: string; key: string }): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { apiKeyId, key, status: null } })
}
