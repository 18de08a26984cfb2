import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseForm } from '~/ui/parse-form'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { requestOrigin } from '~/audit/audit.server'
import { SignInCodeSchema } from '~/auth/sign-in-forms'
import { clientAddress, getSignInLimiters, tooManyAttempts } from '~/auth/rate-limits.server'
import { commitSessionCookie } from '~/auth/session.server'
import { signInSettingsFromEnv, signInWithCode } from '~/auth/sign-in.server'
import { isRateLimited, retryAfterHeaders, TooManyAttempts } from '~/auth/too-many-attempts'
import { emailSignInEnabled } from '~/auth/oidc.server'
import { emailSignInOff } from '~/auth/email-sign-in-off.server'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { Field } from '~/ui/field'
import { MessageCard, Notice } from '~/ui/notice'
import { readForm } from '~/http/request-body.server'

export const handle: RouteHandle = { i18n: 'auth', title: (t) => t('auth:code.title') }
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  if (!emailSignInEnabled()) throw emailSignInOff()
  const url = new URL(request.url)
  return { email: url.searchParams.get('email') ?? '', localMailbox: !getEnv().SMTP_URL }
}

export async function action({ request }: ActionFunctionArgs) {
  if (!emailSignInEnabled()) throw emailSignInOff()
  const submission = parseForm(await readForm(request), { schema: SignInCodeSchema })
  if (submission.status !== 'success') return submission.reply()
  const { email, code } = submission.value
  const result = await signInWithCode(getDatabase(), {
    email,
    code,
    now: new Date(),
    origin: requestOrigin(request),
    client: clientAddress(request),
    settings: signInSettingsFromEnv(),
    limiters: getSignInLimiters(),
  })
  if (!result.ok && result.reason === 'rate-limited') return tooManyAttempts(result.retryAfterSeconds, 'codes')
  if (!result.ok) {
    return submission.reply({ fieldErrors: { code: [message('auth:code.invalid')] } })
  }
  // Back where the sign-in started (e.g. a sign-off page in strict mode), as kept on the request.
  return redirect(result.redirectTo, { headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId, result.expiresAt) } })
}

export default function SignInCodePage() {
  const { t } = useTranslation('auth')
  // Errors are messages (the action's) or the schema's own words, still English (app/auth/sign-in-forms.ts).
  const said = (errors: string[] | undefined) => errors?.map((error) => translateMessage(t as unknown as TFunction, error))
  const { email, localMailbox } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: isRateLimited(actionData) ? undefined : actionData,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types, so the message goes away before
    // they reach the button (re-checking on blur shifts the page under their click).
    shouldRevalidate: 'onInput',
    defaultValue: { email },
    onValidate: ({ formData }) => parseForm(formData, { schema: SignInCodeSchema }),
  })
  if (isRateLimited(actionData)) return <TooManyAttempts {...actionData.rateLimited} />
  return (
    <MessageCard title={t('code.title')}>
      <p role="status">
        {t('code.sentBefore')} <strong>{email || t('code.thatAddress')}</strong> {t('code.sentAfter')}
      </p>
      {localMailbox ? (
        <Notice>
          {t('code.mailboxBefore')} <a href="/mailbox">{t('code.mailbox')}</a> {t('code.mailboxAfter')}
        </Notice>
      ) : null}
      <h2>{t('code.otherDevice')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <Field id={fields.email.id} label={t('code.email')} errors={said(fields.email.errors)}>
          {(aria) => <input {...getInputProps(fields.email, { type: 'email' })} {...aria} autoComplete="email" />}
        </Field>
        <Field id={fields.code.id} label={t('code.code')} errors={said(fields.code.errors)}>
          {(aria) => <input {...getInputProps(fields.code, { type: 'text' })} {...aria} inputMode="numeric" autoComplete="one-time-code" />}
        </Field>
        <button type="submit">{t('code.submit')}</button>
      </Form>
      <p>
        <a href="/sign-in">{t('code.askForNewLink')}</a>
      </p>
    </MessageCard>
  )
}
