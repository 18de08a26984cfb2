import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteHandle } from '~/i18n/route-handle'
import { requireProcurementOfficer } from '~/auth/session.server'
import { wellBalancedCountryCodes } from '~/industrial-return/views/filing-time.server'
import { goesToWellBalancedCountry } from '~/industrial-return/views/filing-time'
import { getDatabase } from '~/db/client.server'
import { AllJustificationsFilters, AllJustificationsResults } from '~/justifications/all-justifications-list'
import { listAllJustifications, procurementFilterOptions } from '~/justifications/list-justifications.server'
import { ALL_LIST_SORTABLE_COLUMNS } from '~/justifications/list-columns'
import { documentFlagsOf, withDocumentFlags } from '~/justifications/list-document-flags.server'
import { filterQueryString, sortableColumns } from '~/justifications/list-links'
import { parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT } from '~/justifications/list-query'
import { ZIP_LIMIT } from '~/justifications/record/justifications-zip.server'
import { PageHeader } from '~/ui/page-header'

export const handle: RouteHandle = { i18n: 'justifications', title: (t) => t('justifications:all.docTitle') }

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireProcurementOfficer(request)
  const db = getDatabase()
  const params = new URL(request.url).searchParams
  const { query, problems, values } = parseListQuery(params, PROCUREMENT_LIST_DEFAULT_SORT)
  const [{ items: listed, pagination }, options, wellBalanced] = await Promise.all([
    listAllJustifications(db, person, query, params),
    procurementFilterOptions(db),
    wellBalancedCountryCodes(db, new Date()),
  ])
  // Single-source contracts going to well balanced countries are worth a second look (industrial return);
  // so are those above the quote threshold without a quote.
  const flags = await documentFlagsOf(db, listed)
  const items = withDocumentFlags(listed, flags).map((item) => ({ ...item, toWellBalancedCountry: goesToWellBalancedCountry(wellBalanced, item) }))
  const columns = sortableColumns(params, query, ALL_LIST_SORTABLE_COLUMNS)
  const filtered = Object.values(values).some((value) => value !== '')
  const downloads = {
    csvHref: `/procurement/justifications.csv${filterQueryString(params, { keepSort: true })}`,
    zipHref: `/procurement/justifications.zip${filterQueryString(params, { keepSort: true })}`,
    zipLimit: ZIP_LIMIT,
  }
  return { items, pagination, columns, problems, values, options, filtered, downloads }
}

export default function ProcurementJustificationsPage() {
  const { items, pagination, columns, problems, values, options, filtered, downloads } = useLoaderData<typeof loader>()
  const { t } = useTranslation('justifications')
  return (
    <>
      <PageHeader title={t('all.title')} />
      <AllJustificationsFilters values={values} problems={problems} options={options} filtered={filtered} downloads={{ ...downloads, total: pagination.total }} />
      <AllJustificationsResults items={items} pagination={pagination} columns={columns} filtered={filtered} />
    </>
  )
}
