import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { appendAuditEvent, requestOrigin } from '~/audit/audit.server'
import { destroySessionCookie, endSessions, requirePerson } from '~/auth/session.server'
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
  await getDatabase().$transaction(async (tx) => {
    const sessionsEnded = await endSessions(tx, person, { everywhere })
    await appendAuditEvent(tx, {
      type: 'SIGNED_OUT',
      actorId: person.id,
      subject: `person:${person.id}`,
      payload: { everywhere, sessionsEnded },
      origin: requestOrigin(request),
    })
  })
  return redirect('/sign-in', { headers: { 'Set-Cookie': await destroySessionCookie() } })
}
