import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { emailSignInEnabled, oidcSettingsFromEnv } from '~/auth/oidc.server'
import { isSsoRefusal } from '~/auth/oidc-refusals'
import { safeRedirectTarget } from '~/auth/session.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { MessageCard } from '~/ui/notice'

export const handle: RouteHandle = { i18n: 'auth', title: (t) => t('auth:sso.refusedTitle') }
export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

// Why single sign-on did not sign somebody in, and the ways left: try again, or an emailed link.
// The reason names one of the fixed explanations; an unknown one reads as an unchecked answer.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const reason = url.searchParams.get('reason')
  const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'))
  const query = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`
  return {
    reason: isSsoRefusal(reason) ? reason : ('invalid-response' as const),
    tryAgainUrl: oidcSettingsFromEnv() ? `/sign-in/sso${query}` : null,
    emailUrl: emailSignInEnabled() ? `/sign-in${query}` : null,
  }
}

export default function SsoRefusedPage() {
  const { t } = useTranslation('auth')
  const { reason, tryAgainUrl, emailUrl } = useLoaderData<typeof loader>()
  return (
    <MessageCard title={t(`sso.refusals.${reason}.title`)} role="alert">
      <p>{t(`sso.refusals.${reason}.body`)}</p>
      {tryAgainUrl ? (
        <p>
          <a className="button" href={tryAgainUrl}>
            {t('sso.tryAgain')}
          </a>
        </p>
      ) : null}
      {emailUrl ? (
        <p>
          <a href={emailUrl}>{t('sso.byEmailInstead')}</a>
        </p>
      ) : null}
    </MessageCard>
  )
}
