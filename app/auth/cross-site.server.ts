/**
 * CSRF defence for every state-changing request (see docs/decisions/003-csrf-by-fetch-metadata.md):
 * browsers say where a request comes from (Sec-Fetch-Site, Origin) and a page cannot forge either.
 * A POST that another site made a browser send is refused; same-origin and user-typed requests pass.
 * Together with the SameSite=Lax session cookie, this is the OWASP fetch-metadata defence.
 */
export function isCrossSiteRequest({ method, headers }: { method: string; headers: Headers }): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false
  const fetchSite = headers.get('sec-fetch-site')
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none'
  const origin = headers.get('origin')
  if (!origin || origin === 'null') return origin === 'null'
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}
