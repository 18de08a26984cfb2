import { createHash, randomBytes } from 'node:crypto'

// An API key is "ssk_" + 8 characters that name it + "_" + 43 characters of secret: 256 random bits
// in all. Stored as its SHA-256 only (ADR 049): with that much entropy a fast hash cannot be
// brute-forced, and the lookup by hash needs no per-key salt or slow hash on every request.

const PREFIX = 'ssk_'

export function newApiKeySecret(): { key: string; prefix: string; sha256: string } {
  const name = randomBytes(6).toString('base64url').slice(0, 8)
  const secret = randomBytes(32).toString('base64url')
  const key = `${PREFIX}${name}_${secret}`
  return { key, prefix: `${PREFIX}${name}`, sha256: apiKeySha256(key) }
}

export function apiKeySha256(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** Looks like one of our keys: not worth a database lookup otherwise. */
export function looksLikeApiKey(text: string): boolean {
  return /^ssk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/.test(text)
}
