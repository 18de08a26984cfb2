import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requestOrigin } from '~/audit/audit.server'
import { clearFlowCookie, readFlowCookie } from '~/auth/oidc-flow.server'
import { completeSingleSignOn, oidcSettingsFromEnv } from '~/auth/oidc.server'
import { commitSessionCookie } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { refusedPath } from '~/auth/oidc-refusals'

// Where the identity provider sends the browser back (registered there as the redirect URI). Always
// a redirect: signed in, to where the sign-in started; refused, to a page that says why. Either way
// the code leaves the address bar and the flow cookie is spent.
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = oidcSettingsFromEnv()
  // Not configured here (or no longer): the sign-in page offers what there is.
  if (!settings) throw redirect('/sign-in')
  // The provider sent the browser to the registered address; the request's own host may differ
  // behind a proxy, and openid-client compares the answer with what it sent.
  const url = new URL(request.url)
  const callbackUrl = new URL(`${settings.redirectUri}${url.search}`)
  const result = await completeSingleSignOn(getDatabase(), {
    settings,
    flow: await readFlowCookie(request),
    callbackUrl,
    now: new Date(),
    origin: requestOrigin(request),
  })
  const headers = new Headers({ 'Set-Cookie': await clearFlowCookie() })
  if (!result.ok) throw redirect(refusedPath(result.reason, result.redirectTo), { headers })
  headers.append('Set-Cookie', await commitSessionCookie(result.sessionId, result.expiresAt))
  throw redirect(result.redirectTo, { headers })
}
