import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { describePosition } from '~/org/describe'
import { loadProfile } from '~/org/people.server'
import { DefinitionList } from '~/ui/definition-list'
import { PageHeader } from '~/ui/page-header'
import { RichText } from '~/ui/rich-text'

// `admin` for the positions' wording (app/org/describe.ts), shared with the profile and the person page.
export const handle: RouteHandle = { i18n: ['admin'], title: (t) => t('home.title') }

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
  const { t } = useTranslation(['common', 'admin'])
  const roles = [
    t('home.roles.requester'),
    ...(data.positions.length ? [t('home.roles.approver')] : []),
    ...(data.isProcurementOfficer ? [t('home.roles.procurementOfficer')] : []),
    ...(data.isAdministrator ? [t('home.roles.administrator')] : []),
  ]
  return (
    <>
      <PageHeader title={t('home.welcome', { name: data.name })} />
      <div className="card">
        <h2>{t('home.you')}</h2>
        <DefinitionList
          facts={[
            { term: t('home.group'), details: data.group ?? <span className="empty">{t('home.noGroup')}</span> },
            { term: t('home.department'), details: data.department ?? <span className="empty">{t('home.noDepartment')}</span> },
            { term: t('home.rolesTerm'), details: roles.join(', ') },
            {
              term: t('home.positionsToday'),
              details: data.positions.length ? data.positions.map((position) => translateMessage(t, position)).join('; ') : <span className="empty">{t('home.noPosition')}</span>,
            },
          ]}
        />
      </div>
      {data.isAdministrator ? (
        <div className="card">
          <h2>{t('home.administration')}</h2>
          <p>
            <RichText text={t('home.organisationLink')} parts={[<a key="admin" href="/admin" />]} />
          </p>
          <p>
            <RichText text={t('home.outboxLink')} parts={[<a key="outbox" href="/admin/outbox" />]} />
          </p>
        </div>
      ) : null}
    </>
  )
}
