import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { outboxSecret } from '~/email/sealed-body.server'

/**
 * An endpoint's signing secret at rest. It must be read back to sign every delivery, so it cannot be
 * hashed as API keys are; it is sealed as the outbox seals email bodies (ADR 008): AES-256-GCM under
 * a key derived by HKDF from SESSION_SECRET, with a label of its own, bound to its endpoint's id (a
 * sealed secret copied onto another endpoint does not open), and the key's fingerprint stored beside
 * it so that a changed SESSION_SECRET is recognised as such.
 */
export type SealedSecret = {
  sealedSecret: Uint8Array<ArrayBuffer>
  sealedSecretIv: Uint8Array<ArrayBuffer>
  sealedSecretKey: string
}

const VERSION = 'v1'
const TAG_BYTES = 16
const keys = new Map<string, { id: string; key: Buffer }>()

function secretKey(secret: string) {
  let found = keys.get(secret)
  if (!found) {
    const key = Buffer.from(hkdfSync('sha256', secret, 'solesource', `webhook endpoint secret ${VERSION}`, 32))
    found = {
      id: `${VERSION}:${createHmac('sha256', key).update('key id').digest('hex').slice(0, 16)}`,
      key,
    }
    keys.set(secret, found)
  }
  return found
}

/** A new signing secret as Standard Webhooks writes them: "whsec_" and 24 random bytes in base64. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`
}

const associatedData = (keyId: string, endpointId: string) => Buffer.from(JSON.stringify([keyId, 'webhook-endpoint', endpointId]))

export function sealSigningSecret(signingSecret: string, endpointId: string, secret = outboxSecret()): SealedSecret {
  const { id, key } = secretKey(secret)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(associatedData(id, endpointId))
  const ciphertext = Buffer.concat([cipher.update(signingSecret, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return {
    sealedSecret: new Uint8Array(ciphertext),
    sealedSecretIv: new Uint8Array(iv),
    sealedSecretKey: id,
  }
}

export type OpenedSecret = { ok: true; signingSecret: string } | { ok: false; message: string }

export function openSigningSecret(
  stored: {
    id: string
    sealedSecret: Uint8Array
    sealedSecretIv: Uint8Array
    sealedSecretKey: string
  },
  secret = outboxSecret(),
): OpenedSecret {
  const { id, key } = secretKey(secret)
  if (stored.sealedSecretKey !== id) {
    return {
      ok: false,
      message: `The signing secret was sealed with another SESSION_SECRET (key ${stored.sealedSecretKey}; this instance has ${id}): restore it, or give the endpoint a new secret.`,
    }
  }
  const sealed = Buffer.from(stored.sealedSecret)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(stored.sealedSecretIv))
    decipher.setAAD(associatedData(stored.sealedSecretKey, stored.id))
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    return {
      ok: true,
      signingSecret: Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8'),
    }
  } catch {
    return {
      ok: false,
      message: 'The sealed signing secret does not open: it was altered or moved to another endpoint.',
    }
  }
}
