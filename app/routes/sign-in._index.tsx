import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseForm } from '~/ui/parse-form'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { SignInRequestSchema } from '~/auth/sign-in-forms'
import { clientAddress, getSignInLimiters, tooManyAttempts } from '~/auth/rate-limits.server'
import { getSignedInPerson, safeRedirectTarget } from '~/auth/session.server'
import { acceptSignInRequest, signInSettingsFromEnv } from '~/auth/sign-in.server'
import { emailSignInEnabled, oidcSettingsFromEnv } from '~/auth/oidc.server'
import { emailSignInOff } from '~/auth/email-sign-in-off.server'
import { isRateLimited, retryAfterHeaders, TooManyAttempts } from '~/auth/too-many-attempts'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { Field } from '~/ui/field'
import { MessageCard } from '~/ui/notice'
import { readForm } from '~/http/request-body.server'

export const handle: RouteHandle = { i18n: 'auth', title: (t) => t('auth:signIn.title') }
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectTarget(new URL(request.url).searchParams.get('redirectTo'))
  if (await getSignedInPerson(request)) throw redirect(redirectTo)
  const sso = oidcSettingsFromEnv()
  const emailLinks = emailSignInEnabled()
  return {
    redirectTo,
    localMailbox: emailLinks && !getEnv().SMTP_URL,
    // Single sign-on, when configured, comes first (ADR 048); the return path rides along.
    sso: sso ? { providerName: sso.providerName, url: `/sign-in/sso${redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`}` } : null,
    emailLinks,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  if (!emailSignInEnabled()) throw emailSignInOff()
  const submission = parseForm(await readForm(request), { schema: SignInRequestSchema })
  if (submission.status !== 'success') return submission.reply()
  const { email, redirectTo } = submission.value
  const answer = await acceptSignInRequest(getDatabase(), getSignInLimiters(), {
    email,
    client: clientAddress(request),
    redirectTo: safeRedirectTarget(redirectTo),
    now: new Date(),
    settings: signInSettingsFromEnv(),
  })
  if (answer.status === 'client-limited') return tooManyAttempts(answer.retryAfterSeconds, 'client')
  // Same answer whether or not the address has an account, and past the address's email limit too.
  // Where to go next rides on the request, not on this address: the code finds it there.
  return redirect(`/sign-in/code?${new URLSearchParams({ email })}`)
}

export default function SignInPage() {
  const { t } = useTranslation('auth')
  const { redirectTo, localMailbox, sso, emailLinks } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: isRateLimited(actionData) ? undefined : actionData,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types, so the message goes away before
    // they reach the button (re-checking on blur shifts the page under their click).
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseForm(formData, { schema: SignInRequestSchema }),
  })
  if (isRateLimited(actionData)) return <TooManyAttempts {...actionData.rateLimited} />
  return (
    <MessageCard title={t('signIn.title')}>
      {sso ? (
        <>
          <p>{t('sso.intro')}</p>
          <p>
            <a className="button" href={sso.url}>
              {t('sso.signInWith', { name: sso.providerName ?? t('sso.defaultName') })}
            </a>
          </p>
        </>
      ) : null}
      {emailLinks ? (
        <>
          {sso ? <h2>{t('sso.orByEmail')}</h2> : null}
          <p>{t('signIn.intro')}</p>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Field id={fields.email.id} label={t('signIn.email')} errors={fields.email.errors?.map((error) => translateMessage(t as unknown as TFunction, error))}>
              {(aria) => <input {...getInputProps(fields.email, { type: 'email' })} {...aria} autoComplete="email" autoFocus={!sso} />}
            </Field>
            <button type="submit" disabled={navigation.state === 'submitting'}>
              {navigation.state === 'submitting' ? t('signIn.sending') : t('signIn.send')}
            </button>
          </Form>
        </>
      ) : null}
      {localMailbox ? (
        <p className="hint">
          {t('signIn.localMailboxBefore')} <a href="/mailbox">{t('signIn.localMailbox')}</a>
          {t('signIn.localMailboxAfter')}
        </p>
      ) : null}
    </MessageCard>
  )
}
