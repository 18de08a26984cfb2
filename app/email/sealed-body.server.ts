import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { getEnv } from '~/env.server'

/**
 * An email's body (HTML and text) as the outbox stores it: sealed with AES-256-GCM under a key
 * derived from SESSION_SECRET, because bodies carry sign-in links and codes and sign-off links, whose
 * secrets the database must never show (docs/decisions/008-outbox-secrets-and-delivery.md).
 */
export type SealedBody = {
  /** Ciphertext followed by the 16-byte GCM tag. */
  sealedBody: Uint8Array<ArrayBuffer>
  /** The 96-bit nonce, fresh for every message. */
  sealedBodyIv: Uint8Array<ArrayBuffer>
  /** Which key sealed it ("v1:" and a fingerprint), so a changed SESSION_SECRET is recognised as such. */
  sealedBodyKey: string
}

export type EmailBody = { html: string; text: string }

/** What a sealed body is bound to: moved to another message or another recipient, it no longer opens. */
export type BodyOwner = { messageId: string; toAddress: string }

export type OpenedBody =
  | ({ ok: true } & EmailBody)
  | { ok: false; reason: 'other-key' | 'altered' | 'missing'; message: string }

const VERSION = 'v1'
const TAG_BYTES = 16

type OutboxKey = { id: string; key: Buffer }
const keys = new Map<string, OutboxKey>()

/** HKDF-SHA256 from the secret, with a label of its own: no other use of SESSION_SECRET shares this key. */
export function outboxKey(secret: string): OutboxKey {
  let found = keys.get(secret)
  if (!found) {
    const key = Buffer.from(hkdfSync('sha256', secret, 'solesource', `outbox body ${VERSION}`, 32))
    // A fingerprint of the derived key (not of the secret): it names the key without helping to find it.
    const id = `${VERSION}:${createHmac('sha256', key).update('key id').digest('hex').slice(0, 16)}`
    found = { id, key }
    keys.set(secret, found)
  }
  return found
}

let processOnlySecret: string | undefined

/**
 * The secret bodies are sealed with: SESSION_SECRET, which the server process always has (main.ts
 * sets it before anything runs). Outside it (a test, a script) without SESSION_SECRET, a random secret
 * of this process: what it seals stays sealed, and only this process can open it.
 */
export function outboxSecret(): string {
  const configured = getEnv().SESSION_SECRET
  if (configured) return configured
  processOnlySecret ??= randomBytes(32).toString('hex')
  return processOnlySecret
}

function associatedData(keyId: string, owner: BodyOwner) {
  return Buffer.from(JSON.stringify([keyId, owner.messageId, owner.toAddress]))
}

export function sealBody(body: EmailBody, owner: BodyOwner, secret = outboxSecret()): SealedBody {
  const { id, key } = outboxKey(secret)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(associatedData(id, owner))
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify({ html: body.html, text: body.text }), 'utf8'), cipher.final()])
  return { sealedBody: new Uint8Array(Buffer.concat([ciphertext, cipher.getAuthTag()])), sealedBodyIv: new Uint8Array(iv), sealedBodyKey: id }
}

export type StoredBody = BodyOwner & {
  sealedBody: Uint8Array | null
  sealedBodyIv: Uint8Array | null
  sealedBodyKey: string | null
  /** Only messages queued before bodies were sealed (see the migration 20261201010000_outbox_secrets_and_lease). */
  unsealedHtml?: string | null
  unsealedText?: string | null
}

/** The body of a stored message, or why it cannot be read; the reason is worded for the outbox page. */
export function openBody(stored: StoredBody, secret = outboxSecret()): OpenedBody {
  if (!stored.sealedBody || !stored.sealedBodyIv || !stored.sealedBodyKey) {
    if (stored.unsealedHtml != null && stored.unsealedText != null) return { ok: true, html: stored.unsealedHtml, text: stored.unsealedText }
    return { ok: false, reason: 'missing', message: 'This message has no body any more (it was removed once the message was sent).' }
  }
  const { id, key } = outboxKey(secret)
  if (stored.sealedBodyKey !== id) {
    return {
      ok: false,
      reason: 'other-key',
      message:
        `The body was sealed with another SESSION_SECRET (key ${stored.sealedBodyKey}; this instance has ${id}), so it cannot be read. ` +
        'Restore the previous SESSION_SECRET and try again, or have the email sent anew (a new sign-in link, a fresh sign-off link).',
    }
  }
  const sealed = Buffer.from(stored.sealedBody)
  try {
    if (sealed.length < TAG_BYTES) throw new Error('shorter than its tag')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(stored.sealedBodyIv))
    decipher.setAAD(associatedData(id, stored))
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8')
    const body = JSON.parse(plain) as EmailBody
    return { ok: true, html: body.html, text: body.text }
  } catch {
    return {
      ok: false,
      reason: 'altered',
      message: 'The sealed body does not open: it was altered, or moved to another message or recipient. It is not sent.',
    }
  }
}

/** The body of a stored message, for code that must have it (tests reading what a queued email says). */
export function readBody(stored: StoredBody, secret?: string): EmailBody {
  const opened = openBody(stored, secret)
  if (!opened.ok) throw new Error(opened.message)
  return { html: opened.html, text: opened.text }
}
