import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { serializeFlowCookie } from '~/auth/oidc-flow.server'
import { beginSingleSignOn, oidcSettingsFromEnv } from '~/auth/oidc.server'
import { safeRedirectTarget } from '~/auth/session.server'
import { message } from '~/i18n/message'
import { pageError } from '~/ui/error-page'
import { refusedPath } from '~/auth/oidc-refusals'

// Starts single sign-on (ADR 048): off to the identity provider, with the flow in a cookie. A plain
// link from the sign-in page comes here; it changes nothing but that cookie.
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = oidcSettingsFromEnv()
  if (!settings) throw pageError(404, { title: message('auth:sso.notConfigured.title'), message: message('auth:sso.notConfigured.body'), back: '/sign-in' })
  const redirectTo = safeRedirectTarget(new URL(request.url).searchParams.get('redirectTo'))
  const started = await beginSingleSignOn(settings, { redirectTo, now: new Date() })
  if (!started.ok) throw redirect(refusedPath(started.reason, redirectTo))
  throw redirect(started.authorizationUrl, { headers: { 'Set-Cookie': await serializeFlowCookie(started.flow) } })
}
