import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { loadOrganisationOverview } from '~/org/load-organisation-overview.server'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'

export const meta: MetaFunction = () => [{ title: 'Organisation · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  return loadOrganisationOverview(getDatabase(), new Date())
}

type Holder = { id: string; name: string; deputies: { id: string; name: string; period: string }[] }

function Holders({ holders, vacant }: { holders: Holder[]; vacant: string }) {
  if (holders.length === 0) return <span className="badge danger">{vacant}</span>
  return (
    <>
      {holders.map((holder) => (
        <span key={holder.id}>
          <a href={`/admin/people/${holder.id}`}>{holder.name}</a>
          {holder.deputies.length ? (
            <span className="hint">
              {' '}
              (deputy: {holder.deputies.map((d) => `${d.name}, ${d.period}`).join('; ')})
            </span>
          ) : null}
        </span>
      ))}
    </>
  )
}

type GroupRow = { id: string; code: string; name: string; members: number; leaders: Holder[] }
type PersonRow = { id: string; name: string; email: string; group: string | null; isProcurementOfficer: boolean; isAdministrator: boolean; isActive: boolean }

const groupColumns: TableColumn<GroupRow>[] = [
  {
    header: 'Group',
    cell: (group) => (
      <>
        <a href={`/admin/groups/${group.id}`}>
          <strong>{group.code}</strong>
        </a>{' '}
        {group.name}
      </>
    ),
  },
  { header: 'Leader', cell: (group) => <Holders holders={group.leaders} vacant="No leader today" /> },
  { header: 'People', numeric: true, cell: (group) => group.members },
]

const peopleColumns: TableColumn<PersonRow>[] = [
  { header: 'Name', cell: (person) => <a href={`/admin/people/${person.id}`}>{person.name}</a> },
  { header: 'Email', cell: (person) => person.email },
  { header: 'Group', cell: (person) => person.group ?? <span className="empty">none</span> },
  {
    header: 'Roles',
    cell: (person) => (
      <>
        {person.isProcurementOfficer ? <span className="badge">Procurement</span> : null} {person.isAdministrator ? <span className="badge">Admin</span> : null}{' '}
        {person.isActive ? null : <span className="badge danger">Inactive</span>}
      </>
    ),
  },
]

export default function OrganisationPage() {
  const { departments, people } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader
        title="Organisation"
        lead="Who leads each group and heads each department today decides who signs single-source justifications."
        actions={
          <>
            <a className="button secondary" href="/admin/groups/new">
              Add a group
            </a>{' '}
            <a className="button secondary" href="/admin/workflow">
              Sign-off settings
            </a>
          </>
        }
      />
      {departments.length === 0 ? <p className="empty">No departments yet.</p> : null}
      {departments.map((department) => (
        <section className="card" key={department.id} aria-labelledby={`department-${department.id}`}>
          <h2 id={`department-${department.id}`}>
            {department.code} · {department.name}
          </h2>
          <p>
            Head: <Holders holders={department.heads} vacant="No head today" />
          </p>
          <SortableTable caption={`Groups of ${department.code}`} columns={groupColumns} rows={department.groups} rowKey={(group) => group.id} />
        </section>
      ))}
      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <p>
          <a className="button" href="/admin/people/new">
            Add a person
          </a>
        </p>
        <SortableTable caption="Everybody who can sign in" columns={peopleColumns} rows={people} rowKey={(person) => person.id} />
      </section>
    </>
  )
}
