import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { serializeFlowCookie } from '~/auth/oidc-flow.server'
import { refusedPath } from '~/auth/oidc-refusals'
import { beginSingleSignOn, oidcSettingsFromEnv } from '~/auth/oidc.server'
import { safeRedirectTarget } from '~/auth/session.server'

// Starts single sign-on (ADR 048): off to the identity provider, with the flow in a cookie. A plain
// link from the sign-in page comes here; it changes nothing but that cookie.
export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectTarget(new URL(request.url).searchParams.get('redirectTo'))
  const settings = oidcSettingsFromEnv()
  // Not configured here (or no longer): the sign-in page offers what there is.
  if (!settings) throw redirect(redirectTo === '/' ? '/sign-in' : `/sign-in?${new URLSearchParams({ redirectTo })}`)
  const started = await beginSingleSignOn(settings, { redirectTo, now: new Date() })
  if (!started.ok) throw redirect(refusedPath(started.reason, redirectTo))
  throw redirect(started.authorizationUrl, { headers: { 'Set-Cookie': await serializeFlowCookie(started.flow) } })
}
