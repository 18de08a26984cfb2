import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseForm } from '~/ui/parse-form'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { SignInCodeSchema } from '~/auth/sign-in-forms'
import { clientAddress, getSignInLimiters, tooManyAttempts } from '~/auth/rate-limits.server'
import { commitSessionCookie } from '~/auth/session.server'
import { signInSettingsFromEnv, signInWithCode } from '~/auth/sign-in.server'
import { isRateLimited, retryAfterHeaders, TooManyAttempts } from '~/auth/too-many-attempts'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { Field } from '~/ui/field'
import { MessageCard, Notice } from '~/ui/notice'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction = () => [{ title: 'Check your email · SoleSource' }]
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  return { email: url.searchParams.get('email') ?? '', localMailbox: !getEnv().SMTP_URL }
}

export async function action({ request }: ActionFunctionArgs) {
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
    return submission.reply({ fieldErrors: { code: ['That code is not valid, or it has expired. Check the latest email, or ask for a new one.'] } })
  }
  // Back where the sign-in started (e.g. a sign-off page in strict mode), as kept on the request.
  return redirect(result.redirectTo, { headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId, result.expiresAt) } })
}

export default function SignInCodePage() {
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
    <MessageCard title="Check your email">
      <p role="status">
        If <strong>{email || 'that address'}</strong> belongs to someone at the organisation, a sign-in link and a six-digit code are on their way. The link
        works once and expires soon.
      </p>
      {localMailbox ? (
        <Notice>
          No mail server is configured here: open the <a href="/mailbox">local mailbox</a> to read the message.
        </Notice>
      ) : null}
      <h2>Opened the email on another device?</h2>
      <Form method="post" {...getFormProps(form)}>
        <Field id={fields.email.id} label="Email address" errors={fields.email.errors}>
          {(aria) => <input {...getInputProps(fields.email, { type: 'email' })} {...aria} autoComplete="email" />}
        </Field>
        <Field id={fields.code.id} label="Six-digit code" errors={fields.code.errors}>
          {(aria) => <input {...getInputProps(fields.code, { type: 'text' })} {...aria} inputMode="numeric" autoComplete="one-time-code" />}
        </Field>
        <button type="submit">Sign in with the code</button>
      </Form>
      <p>
        <a href="/sign-in">Ask for a new link</a>
      </p>
    </MessageCard>
  )
}
