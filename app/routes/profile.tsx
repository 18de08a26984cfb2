import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { describePosition, formatDateTime, formatPeriod } from '~/org/describe'
import { loadProfile } from '~/org/people.server'

export const meta: MetaFunction = () => [{ title: 'Your profile · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requirePerson(request)
  const profile = await loadProfile(getDatabase(), signedIn.id, new Date())
  return {
    name: profile.name,
    email: profile.email,
    positions: profile.positions.map((p) => ({ id: p.id, label: describePosition(p), period: formatPeriod(p.startsOn, p.endsOn) })),
    sessions: profile.sessions.map((s) => ({
      id: s.id.slice(0, 8),
      current: s.id === signedIn.sessionId,
      since: formatDateTime(s.createdAt),
      expires: formatDateTime(s.expiresAt),
      userAgent: s.userAgent ?? 'Unknown browser',
      ipAddress: s.ipAddress ?? '',
    })),
  }
}

export default function ProfilePage() {
  const data = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{data.name}</h1>
      <div className="card">
        <dl className="facts">
          <dt>Email</dt>
          <dd>{data.email}</dd>
          <dt>Positions</dt>
          <dd>
            {data.positions.length ? (
              <ul>
                {data.positions.map((p) => (
                  <li key={p.id}>
                    {p.label} ({p.period})
                  </li>
                ))}
              </ul>
            ) : (
              <span className="empty">None today</span>
            )}
          </dd>
        </dl>
      </div>
      <div className="card">
        <h2>Where you are signed in</h2>
        <table>
          <caption className="visually-hidden">Your active sessions</caption>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {data.sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.userAgent} {s.current ? <span className="badge ok">this browser</span> : null}
                </td>
                <td>{s.ipAddress}</td>
                <td>{s.since}</td>
                <td>{s.expires}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post" action="/sign-out">
          <input type="hidden" name="everywhere" value="true" />
          <p>
            <button type="submit" className="danger">
              Sign out everywhere
            </button>
          </p>
        </Form>
      </div>
    </>
  )
}
