import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { requestOrigin } from '~/audit/audit.server'
import { destroySessionCookie, requirePerson } from '~/auth/session.server'
import { signOut } from '~/auth/sign-out.server'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'

export async function loader({ request }: LoaderFunctionArgs) {
  // Signing out changes state: only the POST from the header's button or the profile page does it.
  await requirePerson(request)
  throw redirect('/profile')
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requirePerson(request)
  const everywhere = (await readForm(request)).get('everywhere') === 'true'
  await signOut(getDatabase(), person, { everywhere, origin: requestOrigin(request) })
  return redirect('/sign-in', { headers: { 'Set-Cookie': await destroySessionCookie() } })
}
