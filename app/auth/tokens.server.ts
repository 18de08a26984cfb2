import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/** 256 random bits, URL-safe. Only its hash is ever stored. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Six digits, easy to type from a phone. Guessing is bounded by the attempt limit and the expiry. */
export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** Keyed hash: a six-digit code has too few values for a plain hash to protect it if the table leaks. */
export function hashCode(code: string, requestId: string, secret: string): string {
  return createHmac('sha256', secret).update(`${requestId}:${code}`).digest('hex')
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
