// Why single sign-on did not sign somebody in: each reason has its own words on the refusal page
// (auth sso.refusals.<reason>). Shared by the server, which decides, and the page, which explains.

export const SSO_REFUSALS = [
  /** No flow in this browser, or one older than the flow's lifetime (ten minutes). */
  'no-flow',
  /** The answer's state is not the one this browser's flow sent (a forged or crossed answer). */
  'wrong-state',
  /** The provider answered with an error (the person cancelled, or it refused them). */
  'provider-error',
  /** The provider refused the code: already used (a replay), expired, or not ours. */
  'code-rejected',
  /** The provider could not be reached, or did not answer in time. */
  'unavailable',
  /** The provider's answer did not pass the checks (nonce, ID token). */
  'invalid-response',
  'unverified-email',
  /** The configured claim is missing, or is not an address. */
  'no-email',
  /** Nobody active at the organisation has that address. */
  'unknown-person',
] as const

export type SsoRefusal = (typeof SSO_REFUSALS)[number]

export function isSsoRefusal(value: unknown): value is SsoRefusal {
  return typeof value === 'string' && (SSO_REFUSALS as readonly string[]).includes(value)
}

/** The refusal page for this reason, keeping where the sign-in was to return (already made safe). */
export function refusedPath(reason: SsoRefusal, redirectTo: string): string {
  const query = new URLSearchParams({ reason })
  if (redirectTo !== '/') query.set('redirectTo', redirectTo)
  return `/sign-in/sso/refused?${query}`
}
