import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseForm } from '~/ui/parse-form'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { SignInRequestSchema } from '~/auth/sign-in-forms'
import { clientAddress, getSignInLimiters, tooManyAttempts } from '~/auth/rate-limits.server'
import { getSignedInPerson, safeRedirectTarget } from '~/auth/session.server'
import { acceptSignInRequest, signInSettingsFromEnv } from '~/auth/sign-in.server'
import { isRateLimited, retryAfterHeaders, TooManyAttempts } from '~/auth/too-many-attempts'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { Field } from '~/ui/field'
import { MessageCard } from '~/ui/notice'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction = () => [{ title: 'Sign in · SoleSource' }]
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectTarget(new URL(request.url).searchParams.get('redirectTo'))
  if (await getSignedInPerson(request)) throw redirect(redirectTo)
  return { redirectTo, localMailbox: !getEnv().SMTP_URL }
}

export async function action({ request }: ActionFunctionArgs) {
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
  const { redirectTo, localMailbox } = useLoaderData<typeof loader>()
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
    <MessageCard title="Sign in">
      <p>SoleSource has no passwords. Enter your work email address and we send you a link and a code to sign in.</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id={fields.email.id} label="Email address" errors={fields.email.errors}>
          {(aria) => <input {...getInputProps(fields.email, { type: 'email' })} {...aria} autoComplete="email" autoFocus />}
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {navigation.state === 'submitting' ? 'Sending…' : 'Email me a sign-in link'}
        </button>
      </Form>
      {localMailbox ? (
        <p className="hint">
          This installation has no mail server configured: messages go to the <a href="/mailbox">local mailbox</a>.
        </p>
      ) : null}
    </MessageCard>
  )
}
