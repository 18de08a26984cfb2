// SCRAM-SHA-256 (RFC 5802, RFC 7677) for the embedded PostgreSQL's process
// (embedded-postgres-process.mjs): clients prove the password as they would to PostgreSQL.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto'

const SCRAM_ITERATIONS = 4096

function hmac(key, text) {
  return createHmac('sha256', key).update(text).digest()
}

/** The verifier PostgreSQL would store for the password, made once, and the server's side of the exchange. */
export function scramVerifierFor(password) {
  const salt = randomBytes(16)
  const saltedPassword = pbkdf2Sync(password, salt, SCRAM_ITERATIONS, 32, 'sha256')
  const storedKey = createHash('sha256').update(hmac(saltedPassword, 'Client Key')).digest()
  const serverKey = hmac(saltedPassword, 'Server Key')
  return {
    /** The server-first-message, for the nonce of client and server together. */
    serverFirst: (nonce) => `r=${nonce},s=${salt.toString('base64')},i=${SCRAM_ITERATIONS}`,
    /** Checks the client-final-message's proof; returns the server signature to send back, or null. */
    verifyClientFinal(text, { gs2Header, bare, serverFirst, nonce }) {
    const proofAt = text.lastIndexOf(',p=')
    if (proofAt === -1) return null
    const withoutProof = text.slice(0, proofAt)
    const attributes = parseAttributes(withoutProof)
    if (attributes.get('c') !== Buffer.from(gs2Header).toString('base64') || attributes.get('r') !== nonce) return null
    const proof = Buffer.from(text.slice(proofAt + 3), 'base64')
    if (proof.length !== 32) return null
    const authMessage = `${bare},${serverFirst},${withoutProof}`
    const clientSignature = hmac(storedKey, authMessage)
    const clientKey = Buffer.alloc(32)
    for (let i = 0; i < 32; i++) clientKey[i] = proof[i] ^ clientSignature[i]
    if (!timingSafeEqual(createHash('sha256').update(clientKey).digest(), storedKey)) return null
    return hmac(serverKey, authMessage).toString('base64')
    },
  }
}

function parseAttributes(text) {
  const attributes = new Map()
  for (const part of text.split(',')) {
    const at = part.indexOf('=')
    if (at === 1) attributes.set(part[0], part.slice(2))
  }
  return attributes
}

/** The SASLInitialResponse: mechanism, then the client-first-message. Null if it is not SCRAM-SHA-256. */
export function readClientFirst(body) {
  const mechanismEnd = body.indexOf(0)
  if (mechanismEnd === -1 || body.toString('utf8', 0, mechanismEnd) !== 'SCRAM-SHA-256') return null
  if (body.length < mechanismEnd + 5) return null
  const length = body.readInt32BE(mechanismEnd + 1)
  const text = body.toString('utf8', mechanismEnd + 5, mechanismEnd + 5 + Math.max(0, length))
  // gs2 header: "n,," (no channel binding) or "y,," (client could, we offer none); never "p=...".
  const match = /^([ny]),(?:a=[^,]*)?,(.*)$/s.exec(text)
  if (!match) return null
  const bare = match[2]
  const nonce = parseAttributes(bare).get('r')
  if (!nonce || !/^[\x21-\x2b\x2d-\x7e]+$/.test(nonce)) return null
  return { gs2Header: text.slice(0, text.length - bare.length), bare, nonce }
}
