import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { describePosition } from '~/org/describe'
import { loadProfile } from '~/org/people.server'
import { DefinitionList } from '~/ui/definition-list'
import { PageHeader } from '~/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Home · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requirePerson(request)
  const profile = await loadProfile(getDatabase(), signedIn.id, new Date())
  return {
    name: profile.name,
    group: profile.group ? `${profile.group.code} · ${profile.group.name}` : null,
    department: profile.group?.department ? `${profile.group.department.code} · ${profile.group.department.name}` : null,
    positions: profile.positions.map(describePosition),
    isProcurementOfficer: profile.isProcurementOfficer,
    isAdministrator: profile.isAdministrator,
  }
}

export default function HomePage() {
  const data = useLoaderData<typeof loader>()
  const roles = [
    'Requester',
    ...(data.positions.length ? ['Approver'] : []),
    ...(data.isProcurementOfficer ? ['Procurement officer'] : []),
    ...(data.isAdministrator ? ['Administrator'] : []),
  ]
  return (
    <>
      <PageHeader title={`Welcome, ${data.name}`} />
      <div className="card">
        <h2>You</h2>
        <DefinitionList
          facts={[
            { term: 'Group', details: data.group ?? <span className="empty">No group</span> },
            { term: 'Department', details: data.department ?? <span className="empty">No department</span> },
            { term: 'Roles', details: roles.join(', ') },
            { term: 'Positions today', details: data.positions.length ? data.positions.join('; ') : <span className="empty">None</span> },
          ]}
        />
      </div>
      {data.isAdministrator ? (
        <div className="card">
          <h2>Administration</h2>
          <p>
            <a href="/admin">See and edit the organisation</a>: people, groups, leaders, heads and deputies.
          </p>
          <p>
            <a href="/admin/outbox">Outbox</a>: emails waiting, sent or failed.
          </p>
        </div>
      ) : null}
    </>
  )
}
