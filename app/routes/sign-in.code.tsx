import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseForm } from '~/ui/parse-form'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { SignInCodeSchema } from '~/auth/forms'
import { commitSessionCookie, safeRedirectTarget } from '~/auth/session.server'
import { signInSettingsFromEnv, signInWithCode } from '~/auth/sign-in.server'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { Field } from '~/ui/field'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction = () => [{ title: 'Check your email · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  return {
    email: url.searchParams.get('email') ?? '',
    redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo')),
    localMailbox: !getEnv().SMTP_URL,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), { schema: SignInCodeSchema })
  if (submission.status !== 'success') return submission.reply()
  const { email, code, redirectTo } = submission.value
  const result = await signInWithCode(getDatabase(), { email, code, now: new Date(), origin: requestOrigin(request), settings: signInSettingsFromEnv() })
  if (!result.ok) {
    return submission.reply({ fieldErrors: { code: ['That code is not valid, or it has expired. Check the latest email, or ask for a new one.'] } })
  }
  return redirect(safeRedirectTarget(redirectTo), { headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId, result.expiresAt) } })
}

export default function SignInCodePage() {
  const { email, redirectTo, localMailbox } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types, so the message goes away before
    // they reach the button (re-checking on blur shifts the page under their click).
    shouldRevalidate: 'onInput',
    defaultValue: { email },
    onValidate: ({ formData }) => parseForm(formData, { schema: SignInCodeSchema }),
  })
  return (
    <div className="card narrow">
      <h1>Check your email</h1>
      <p role="status">
        If <strong>{email || 'that address'}</strong> belongs to someone at the organisation, a sign-in link and a six-digit code are on their way. The link
        works once and expires soon.
      </p>
      {localMailbox ? (
        <p className="notice">
          No mail server is configured here: open the <a href="/mailbox">local mailbox</a> to read the message.
        </p>
      ) : null}
      <h2>Opened the email on another device?</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
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
    </div>
  )
}
