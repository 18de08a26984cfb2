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

/** A queued email's template name and props (docs/decisions/027-render-email-at-delivery.md), rendered at delivery. */
export type EmailTemplateDocument = { template: string; props: unknown }

export type CannotOpen = { ok: false; reason: 'other-key' | 'altered' | 'missing'; message: string }
export type OpenedBody = ({ ok: true } & EmailBody) | CannotOpen
/** What a sealed message holds: its rendered body (sealed before 027), or its template and props. */
export type OpenedMessage = { ok: true; content: ({ kind: 'body' } & EmailBody) | ({ kind: 'template' } & EmailTemplateDocument) } | CannotOpen

const VERSION = 'v1'
/**
 * The key id's prefix names what was sealed: `v1` a rendered body, `v2` a template and its props.
 * Same key (same fingerprint); an instance of the previous version, which knows only `v1`, takes a
 * `v2` message for another key's and fails it, sealed, rather than send it empty.
 */
const TEMPLATE_VERSION = 'v2'
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

function seal(document: object, keyId: string, key: Buffer, owner: BodyOwner): SealedBody {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(associatedData(keyId, owner))
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(document), 'utf8'), cipher.final()])
  return { sealedBody: new Uint8Array(Buffer.concat([ciphertext, cipher.getAuthTag()])), sealedBodyIv: new Uint8Array(iv), sealedBodyKey: keyId }
}

export function sealBody(body: EmailBody, owner: BodyOwner, secret = outboxSecret()): SealedBody {
  const { id, key } = outboxKey(secret)
  return seal({ html: body.html, text: body.text }, id, key, owner)
}

/** Seals a template's name and props, as sealBody seals a body: props carry the same links and codes. */
export function sealTemplateDocument(document: EmailTemplateDocument, owner: BodyOwner, secret = outboxSecret()): SealedBody {
  const { id, key } = outboxKey(secret)
  return seal({ template: document.template, props: document.props }, templateKeyId(id), key, owner)
}

const templateKeyId = (bodyKeyId: string) => `${TEMPLATE_VERSION}${bodyKeyId.slice(VERSION.length)}`

export type StoredBody = BodyOwner & {
  sealedBody: Uint8Array | null
  sealedBodyIv: Uint8Array | null
  sealedBodyKey: string | null
  /** Only messages queued before bodies were sealed (see the migration 20261201010000_outbox_secrets_and_lease). */
  unsealedHtml?: string | null
  unsealedText?: string | null
  /** The template named in clear; checked against the sealed one. */
  template?: string
}

/** What a stored message holds, or why it cannot be read; the reason is worded for the outbox page. */
export function openSealedMessage(stored: StoredBody, secret = outboxSecret()): OpenedMessage {
  if (!stored.sealedBody || !stored.sealedBodyIv || !stored.sealedBodyKey) {
    if (stored.unsealedHtml != null && stored.unsealedText != null) return { ok: true, content: { kind: 'body', html: stored.unsealedHtml, text: stored.unsealedText } }
    return { ok: false, reason: 'missing', message: 'This message has no body any more (it was removed once the message was sent).' }
  }
  const { id, key } = outboxKey(secret)
  const kind = stored.sealedBodyKey === id ? 'body' : stored.sealedBodyKey === templateKeyId(id) ? 'template' : null
  if (!kind) {
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
    decipher.setAAD(associatedData(stored.sealedBodyKey, stored))
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8')
    if (kind === 'body') {
      const body = JSON.parse(plain) as EmailBody
      return { ok: true, content: { kind, html: body.html, text: body.text } }
    }
    const document = JSON.parse(plain) as EmailTemplateDocument
    // The template named in clear (for the outbox page and the logs) must be the one sealed with the props.
    if (stored.template !== undefined && stored.template !== document.template) throw new Error('template changed')
    return { ok: true, content: { kind, template: document.template, props: document.props } }
  } catch {
    return {
      ok: false,
      reason: 'altered',
      message: 'The sealed body does not open: it was altered, or moved to another message or recipient. It is not sent.',
    }
  }
}

/** The rendered body of a stored message sealed as such (before 027, or queued rendered), or why it cannot be read. */
export function openBody(stored: StoredBody, secret = outboxSecret()): OpenedBody {
  const opened = openSealedMessage(stored, secret)
  if (!opened.ok) return opened
  if (opened.content.kind !== 'body') throw new Error('This message holds a template and its props: read it with readQueuedEmail (app/email/open-queued-email.server.ts).')
  return { ok: true, html: opened.content.html, text: opened.content.text }
}

/** The body of a stored message, for code that must have it (tests reading what a queued email says). */
export function readBody(stored: StoredBody, secret?: string): EmailBody {
  const opened = openBody(stored, secret)
  if (!opened.ok) throw new Error(opened.message)
  return { html: opened.html, text: opened.text }
}
