import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { getSignInLimiters } from '~/auth/rate-limits.server'
import { commitSessionCookie } from '~/auth/session.server'
import { inspectSignInLink, signInSettingsFromEnv, signInWithLink, type LinkStatus } from '~/auth/sign-in.server'
import { getDatabase } from '~/db/client.server'
import { MessageCard } from '~/ui/notice'

export const meta: MetaFunction = () => [{ title: 'Sign in · SoleSource' }, { name: 'robots', content: 'noindex' }]

// GET and HEAD only look: mail scanners fetch every link in an email, so signing in takes the POST
// that the button below sends.
export async function loader({ params }: LoaderFunctionArgs) {
  const status = await inspectSignInLink(getDatabase(), params.token ?? '', new Date())
  return status.status === 'valid' ? { status: 'valid' as const, name: status.name } : { status: status.status }
}

export async function action({ request, params }: ActionFunctionArgs) {
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

const refusals: Record<Exclude<LinkStatus['status'], 'valid'> | 'invalid-code', { title: string; body: string }> = {
  used: { title: 'This sign-in link was already used', body: 'Each link signs in once. Ask for a new one to sign in again.' },
  expired: { title: 'This sign-in link has expired', body: 'Links work for a short time only. Ask for a new one.' },
  unknown: { title: 'This sign-in link is not valid', body: 'It may be incomplete (check that the whole link was copied). Ask for a new one.' },
  'invalid-code': { title: 'This sign-in link is not valid', body: 'Ask for a new one.' },
}

export default function SignInLinkPage() {
  const data = useLoaderData<typeof loader>()
  if (data.status !== 'valid') {
    const refusal = refusals[data.status]
    return (
      <MessageCard title={refusal.title} role="alert">
        <p>{refusal.body}</p>
        <a className="button" href="/sign-in">
          Ask for a new sign-in link
        </a>
      </MessageCard>
    )
  }
  return (
    <MessageCard title="Sign in to SoleSource">
      <p>Welcome back, {data.name}. Press the button to finish signing in on this device.</p>
      <Form method="post">
        <button type="submit">Sign in</button>
      </Form>
    </MessageCard>
  )
}
