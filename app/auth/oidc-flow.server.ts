import { createCookie } from '@remix-run/node'
import * as z from 'zod'
import { getEnv } from '~/env.server'
import { SSO_FLOW_TTL_SECONDS, type SsoFlow } from './oidc.server'
import { openSealedText, sealText } from './tokens.server'

// The single sign-on flow between leaving for the provider and coming back: a sealed (encrypted and
// authenticated), HttpOnly cookie (ADR 048 says why not a database row). Sealed, so that the PKCE
// verifier and the return path (which may hold a sign-off token) are not readable from the cookie
// either. Its path keeps it off every other request.
const SEALING_CONTEXT = 'single sign-on flow'

const FlowSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  redirectTo: z.string(),
  startedAt: z.number().int(),
})

function flowCookie() {
  const env = getEnv()
  return createCookie('solesource_sso', {
    httpOnly: true,
    // Lax: the cookie comes back with the provider's redirect (a top-level GET from its site).
    sameSite: 'lax',
    path: '/sign-in/sso',
    maxAge: SSO_FLOW_TTL_SECONDS,
    secure: env.APP_URL.startsWith('https://'),
    secrets: [env.SESSION_SECRET!],
  })
}

export async function serializeFlowCookie(flow: SsoFlow): Promise<string> {
  return flowCookie().serialize(sealText(JSON.stringify(flow), SEALING_CONTEXT, getEnv().SESSION_SECRET!))
}

/** The flow this browser started, or null (none, altered, or signed with another secret). */
export async function readFlowCookie(request: Request): Promise<SsoFlow | null> {
  const sealed: unknown = await flowCookie().parse(request.headers.get('cookie'))
  const opened = typeof sealed === 'string' && sealed ? openSealedText(sealed, SEALING_CONTEXT, getEnv().SESSION_SECRET!) : null
  if (!opened) return null
  try {
    const parsed = FlowSchema.safeParse(JSON.parse(opened))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** A flow is used once: the answer clears it, whatever it was. */
export async function clearFlowCookie(): Promise<string> {
  return flowCookie().serialize('', { maxAge: 0 })
}
