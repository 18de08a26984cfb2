import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteHandle } from '~/i18n/route-handle'
import { requestOrigin } from '~/audit/audit.server'
import { getSignInLimiters } from '~/auth/rate-limits.server'
import { commitSessionCookie } from '~/auth/session.server'
import { inspectSignInLink, signInSettingsFromEnv, signInWithLink, type LinkStatus } from '~/auth/sign-in.server'
import { emailSignInEnabled } from '~/auth/oidc.server'
import { emailSignInOff } from '~/auth/email-sign-in-off.server'
import { getDatabase } from '~/db/client.server'
import { MessageCard } from '~/ui/notice'

export const handle: RouteHandle = { i18n: 'auth', title: (t) => t('auth:signIn.title') }
export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

// GET and HEAD only look: mail scanners fetch every link in an email, so signing in takes the POST
// that the button below sends.
export async function loader({ params }: LoaderFunctionArgs) {
  if (!emailSignInEnabled()) throw emailSignInOff()
  const status = await inspectSignInLink(getDatabase(), params.token ?? '', new Date())
  return status.status === 'valid' ? { status: 'valid' as const, name: status.name } : { status: status.status }
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!emailSignInEnabled()) throw emailSignInOff()
  const result = await signInWithLink(getDatabase(), {
    token: params.token ?? '',
    now: new Date(),
    origin: requestOrigin(request),
    settings: signInSettingsFromEnv(),
    limiters: getSignInLimiters(),
  })
  if (!result.ok) return { status: result.reason }
  // Back where the sign-in started (e.g. a sign-off page in strict mode), as kept on the request.
  return redirect(result.redirectTo, { headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId, result.expiresAt) } })
}

/** Why a link does not sign in (its messages: auth link.refusals.<status>). */
type Refusal = Exclude<LinkStatus['status'], 'valid'> | 'invalid-code'

export default function SignInLinkPage() {
  const { t } = useTranslation('auth')
  const data = useLoaderData<typeof loader>()
  if (data.status !== 'valid') {
    const status: Refusal = data.status
    return (
      <MessageCard title={t(`link.refusals.${status}.title`)} role="alert">
        <p>{t(`link.refusals.${status}.body`)}</p>
        <a className="button" href="/sign-in">
          {t('link.askForNewLink')}
        </a>
      </MessageCard>
    )
  }
  return (
    <MessageCard title={t('link.title')}>
      <p>{t('link.welcome', { name: data.name })}</p>
      <Form method="post">
        <button type="submit">{t('link.signIn')}</button>
      </Form>
    </MessageCard>
  )
}
