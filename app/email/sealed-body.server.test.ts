import { expect, test } from 'vitest'
import { openBody, outboxKey, sealBody } from './sealed-body.server'

const secret = 'a'.repeat(40)
const owner = { messageId: '<m1@localhost>', toAddress: 'ada@example.org' }
const body = { html: '<p>https://x/sign-off/SECRET-TOKEN</p>', text: 'https://x/sign-off/SECRET-TOKEN · code 123456' }

test('a sealed body opens with its secret, for its message and recipient only, and shows nothing in clear', () => {
  const sealed = sealBody(body, owner, secret)
  expect(Buffer.from(sealed.sealedBody).toString('latin1')).not.toContain('SECRET-TOKEN')
  expect(sealed.sealedBodyIv).toHaveLength(12)
  expect(openBody({ ...owner, ...sealed }, secret)).toEqual({ ok: true, ...body })

  expect(openBody({ ...owner, ...sealed, messageId: '<m2@localhost>' }, secret)).toMatchObject({ ok: false, reason: 'altered' })
  expect(openBody({ ...owner, ...sealed, toAddress: 'mallory@example.org' }, secret)).toMatchObject({ ok: false, reason: 'altered' })
  const flipped = new Uint8Array(sealed.sealedBody)
  flipped[0]! ^= 1
  expect(openBody({ ...owner, ...sealed, sealedBody: flipped }, secret)).toMatchObject({ ok: false, reason: 'altered' })
  expect(openBody({ ...owner, ...sealed }, 'b'.repeat(40))).toMatchObject({ ok: false, reason: 'other-key' })
  expect(openBody({ ...owner, sealedBody: null, sealedBodyIv: null, sealedBodyKey: null }, secret)).toMatchObject({ ok: false, reason: 'missing' })
})

test('every seal has a fresh nonce; the key id names the key, stable for a secret and different for another', () => {
  const [a, b] = [sealBody(body, owner, secret), sealBody(body, owner, secret)]
  expect(Buffer.from(a.sealedBodyIv).equals(Buffer.from(b.sealedBodyIv))).toBe(false)
  expect(Buffer.from(a.sealedBody).equals(Buffer.from(b.sealedBody))).toBe(false)
  expect(a.sealedBodyKey).toBe(outboxKey(secret).id)
  expect(a.sealedBodyKey).toMatch(/^v1:[0-9a-f]{16}$/)
  expect(outboxKey('b'.repeat(40)).id).not.toBe(a.sealedBodyKey)
  expect(a.sealedBodyKey).not.toContain(secret.slice(0, 8))
})
