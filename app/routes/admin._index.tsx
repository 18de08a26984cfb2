import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { loadOrganisationOverview } from '~/org/load-organisation-overview.server'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'

export const handle: RouteHandle = { i18n: ['admin', 'api-keys'], title: (t) => t('admin:organisation.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  return loadOrganisationOverview(getDatabase(), new Date())
}

type Holder = { id: string; name: string; deputies: { id: string; name: string; startsOn: string; endsOn: string | null }[] }

function Holders({ holders, vacant }: { holders: Holder[]; vacant: string }) {
  const { t } = useTranslation('admin')
  const { period } = useFormats()
  if (holders.length === 0) return <span className="badge danger">{vacant}</span>
  return (
    <>
      {holders.map((holder) => (
        <span key={holder.id}>
          <a href={`/admin/people/${holder.id}`}>{holder.name}</a>
          {holder.deputies.length ? (
            <span className="hint">
              {' '}
              {t('organisation.deputies', { deputies: holder.deputies.map((d) => t('organisation.deputyPeriod', { name: d.name, period: period(d.startsOn, d.endsOn) })).join('; ') })}
            </span>
          ) : null}
        </span>
      ))}
    </>
  )
}

type GroupRow = { id: string; code: string; name: string; members: number; leaders: Holder[] }
type PersonRow = { id: string; name: string; email: string; group: string | null; isProcurementOfficer: boolean; isAdministrator: boolean; isActive: boolean }

const groupColumns = (t: TFunction<'admin'>): TableColumn<GroupRow>[] => [
  {
    header: t('organisation.columns.group'),
    cell: (group) => (
      <>
        <a href={`/admin/groups/${group.id}`}>
          <strong>{group.code}</strong>
        </a>{' '}
        {group.name}
      </>
    ),
  },
  { header: t('organisation.columns.leader'), cell: (group) => <Holders holders={group.leaders} vacant={t('organisation.noLeader')} /> },
  { header: t('organisation.columns.people'), numeric: true, cell: (group) => group.members },
]

const peopleColumns = (t: TFunction<'admin'>): TableColumn<PersonRow>[] => [
  { header: t('organisation.columns.name'), cell: (person) => <a href={`/admin/people/${person.id}`}>{person.name}</a> },
  { header: t('organisation.columns.email'), cell: (person) => person.email },
  { header: t('organisation.columns.group'), cell: (person) => person.group ?? <span className="empty">{t('organisation.none')}</span> },
  {
    header: t('organisation.columns.roles'),
    cell: (person) => (
      <>
        {person.isProcurementOfficer ? <span className="badge">{t('organisation.roles.procurement')}</span> : null}{' '}
        {person.isAdministrator ? <span className="badge">{t('organisation.roles.admin')}</span> : null}{' '}
        {person.isActive ? null : <span className="badge danger">{t('organisation.roles.inactive')}</span>}
      </>
    ),
  },
]

export default function OrganisationPage() {
  const { departments, people } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <>
      <PageHeader
        title={t('organisation.heading')}
        lead={t('organisation.lead')}
        actions={
          <>
            <a className="button secondary" href="/admin/groups/new">
              {t('organisation.addGroup')}
            </a>{' '}
            <a className="button secondary" href="/admin/workflow">
              {t('organisation.signOffSettings')}
            </a>{' '}
            <a className="button secondary" href="/admin/webhooks">{t('organisation.webhooks')}</a>{' '}
            <a className="button secondary" href="/admin/api-keys">{t('adminLink', { ns: 'api-keys' })}</a>
          </>
        }
      />
      {departments.length === 0 ? <p className="empty">{t('organisation.noDepartments')}</p> : null}
      {departments.map((department) => (
        <section className="card" key={department.id} aria-labelledby={`department-${department.id}`}>
          <h2 id={`department-${department.id}`}>
            {department.code} · {department.name}
          </h2>
          <p>
            {t('organisation.head')} <Holders holders={department.heads} vacant={t('organisation.noHead')} />
          </p>
          <SortableTable caption={t('organisation.groupsOf', { department: department.code })} columns={groupColumns(t)} rows={department.groups} rowKey={(group) => group.id} />
        </section>
      ))}
      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('organisation.peopleHeading')}</h2>
        <p>
          <a className="button" href="/admin/people/new">
            {t('organisation.addPerson')}
          </a>
        </p>
        <SortableTable caption={t('organisation.everybody')} columns={peopleColumns(t)} rows={people} rowKey={(person) => person.id} />
      </section>
    </>
  )
}
