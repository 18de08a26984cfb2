import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RichText } from '~/ui/rich-text'
import type { RouteHandle } from '~/i18n/route-handle'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { MyJustificationsFilters, MyJustificationsResults } from '~/justifications/my-justifications-list'
import { listMyJustifications } from '~/justifications/list-justifications.server'
import { MY_LIST_SORTABLE_COLUMNS } from '~/justifications/list-columns'
import { sortableColumns } from '~/justifications/list-links'
import { MY_LIST_DEFAULT_SORT, parseListQuery } from '~/justifications/list-query'
import { PageHeader } from '~/ui/page-header'

export const handle: RouteHandle = { i18n: 'justifications', title: (t) => t('justifications:mine.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const params = new URL(request.url).searchParams
  const { query, problems, values } = parseListQuery(params, MY_LIST_DEFAULT_SORT)
  const { items, pagination } = await listMyJustifications(getDatabase(), person, query, params)
  const columns = sortableColumns(params, query, MY_LIST_SORTABLE_COLUMNS)
  const filtered = Boolean(query.status || query.q)
  return { items, pagination, columns, problems, values: { status: values.status, q: values.q }, filtered, personId: person.id }
}

export default function MyJustificationsPage() {
  const { items, pagination, columns, problems, values, filtered, personId } = useLoaderData<typeof loader>()
  const { t } = useTranslation('justifications')
  return (
    <>
      <PageHeader
        title={t('mine.title')}
        lead={
          <RichText text={t('mine.lead')} parts={[<a key="new" href="/justifications/new" />]} />
        }
      />
      <MyJustificationsFilters values={values} problems={problems} filtered={filtered} />
      <MyJustificationsResults items={items} pagination={pagination} columns={columns} filtered={filtered} personId={personId} />
    </>
  )
}
