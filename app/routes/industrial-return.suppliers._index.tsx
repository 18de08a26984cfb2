import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { DateTime } from '~/calendar/date-time'
import { getDatabase } from '~/db/client.server'
import { readUploadForm } from '~/http/request-body.server'
import { countryName } from '~/i18n/country-names'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { sentenceOf, translateList } from '~/industrial-return/ledger/message-list'
import { importSuppliersCsv } from '~/industrial-return/suppliers/import-suppliers.server'
import { listPassedOverSuppliers } from '~/industrial-return/suppliers/list-passed-over.server'
import { listSuppliers } from '~/industrial-return/suppliers/list-suppliers.server'
import { SUPPLIER_CSV_COLUMNS } from '~/industrial-return/suppliers/supplier-csv'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'
import { UploadField, UploadForm } from '~/ui/upload-field'

export const handle: RouteHandle = { i18n: ['return-data', 'industrial-return'], title: (t) => t('return-data:suppliers.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const db = getDatabase()
  const [suppliers, passedOver] = await Promise.all([listSuppliers(db), listPassedOverSuppliers(db)])
  return { suppliers, passedOver }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const upload = await readUploadForm(request, { maxFileBytes: 5 * 1024 * 1024 })
  if (!upload.ok) return { error: message('return-data:suppliers.file.tooLarge', { megabytes: 5 }) }
  const file = upload.form.get('file')
  if (!file || typeof file === 'string' || file.size === 0) return { error: message('return-data:suppliers.file.choose') }
  const outcome = await importSuppliersCsv(getDatabase(), await file.text(), { fileName: file.name, actorId: officer.id, now: new Date(), origin: requestOrigin(request) })
  if (!outcome.ok) return { error: outcome.error, refused: outcome.refused }
  return { imported: { registered: outcome.registered, updated: outcome.updated, unchanged: outcome.unchanged }, refused: outcome.refused }
}

export default function SuppliersPage() {
  const { suppliers, passedOver } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const refused = result && 'refused' in result ? (result.refused ?? []) : []
  const { t } = useTranslation('return-data')
  const { language, chf } = useFormats()
  return (
    <>
      <PageHeader
        title={t('suppliers.title')}
        lead={t('suppliers.lead')}
      />
      <ReturnNav />
      {result && 'imported' in result && result.imported ? (
        <Notice tone="success" role="status">
          {t('suppliers.imported', {
            registered: t('suppliers.counts.registered', { count: result.imported.registered }),
            updated: t('suppliers.counts.updated', { count: result.imported.updated }),
            unchanged: t('suppliers.counts.unchanged', { count: result.imported.unchanged }),
            refused: t('suppliers.counts.refused', { count: refused.length }),
          })}
        </Notice>
      ) : null}
      {result && 'error' in result && result.error ? (
        <Notice tone="error" role="alert">
          {translateList(t, result.error)}
        </Notice>
      ) : null}
      {refused.length > 0 ? (
        <section className="card" aria-labelledby="refused-heading">
          <h2 id="refused-heading">{t('suppliers.refusedLines', { count: refused.length })}</h2>
          <SortableTable
            rows={refused}
            rowKey={(r) => String(r.line)}
            columns={[
              { header: t('suppliers.columns.line'), rowHeader: true, numeric: true, cell: (r) => r.line },
              { header: t('suppliers.columns.name'), cell: (r) => r.name ?? <span className="hint">{t('suppliers.noName')}</span> },
              { header: t('suppliers.columns.why'), cell: (r) => sentenceOf(t, r.message) },
            ]}
          />
        </section>
      ) : null}
      <section className="card" aria-labelledby="register-heading">
        <h2 id="register-heading">{t('suppliers.registered', { count: suppliers.length })}</h2>
        {suppliers.length === 0 ? (
          <p className="empty">{t('suppliers.none')}</p>
        ) : (
          <SortableTable
            caption={t('suppliers.caption')}
            layout="stack-wide"
            rows={suppliers}
            rowKey={(s) => s.id}
            columns={[
              { header: t('suppliers.columns.name'), rowHeader: true, cell: (s) => s.name },
              { header: t('suppliers.columns.establishedIn'), cell: (s) => countryName(s.establishmentCountryCode, s.establishmentCountryName, language) },
              { header: t('suppliers.columns.goodsFrom'), cell: (s) => s.originCountryCodes.join(', ') },
              { header: t('suppliers.columns.activityCodes'), cell: (s) => (s.activityCodes.length ? s.activityCodes.join(', ') : <span className="hint">{t('suppliers.noActivity')}</span>) },
              { header: t('suppliers.columns.knownFrom'), cell: (s) => t(`suppliers.sources.${s.source}`) },
            ]}
          />
        )}
      </section>
      <section className="card" aria-labelledby="passed-over-heading">
        <h2 id="passed-over-heading">{t('suppliers.passedOver.heading', { count: passedOver.length })}</h2>
        <p className="hint">{t('suppliers.passedOver.hint')}</p>
        {passedOver.length === 0 ? (
          <p className="empty">{t('suppliers.passedOver.none')}</p>
        ) : (
          <SortableTable
            caption={t('suppliers.passedOver.caption')}
            rows={passedOver}
            rowKey={(j) => j.id}
            columns={[
              { header: t('suppliers.passedOver.columns.reference'), rowHeader: true, cell: (j) => <Link to={`/justifications/${j.id}`}>{j.reference}</Link> },
              { header: t('suppliers.passedOver.columns.title'), cell: (j) => j.title },
              { header: t('suppliers.passedOver.columns.supplier'), cell: (j) => `${j.supplierName} (${countryName(j.supplierCountryCode, j.supplierCountryName, language)})` },
              { header: t('suppliers.passedOver.columns.activity'), cell: (j) => j.activityCode ?? '' },
              { header: t('suppliers.passedOver.columns.inChf'), numeric: true, cell: (j) => (j.amountChfMinor === null ? '' : chf(j.amountChfMinor)) },
              { header: t('suppliers.passedOver.columns.submitted'), cell: (j) => (j.submittedAt ? <DateTime at={j.submittedAt} /> : '') },
              { header: t('suppliers.passedOver.columns.status'), cell: (j) => t(`suppliers.passedOver.statuses.${j.status}`) },
              { header: t('suppliers.passedOver.columns.alternatives'), cell: (j) => j.alternatives.join(', ') },
              { header: t('suppliers.passedOver.columns.why'), cell: (j) => j.reason ?? '—' },
            ]}
          />
        )}
      </section>
      <section className="card narrow" aria-labelledby="supplier-csv-heading">
        <h2 id="supplier-csv-heading">{t('suppliers.csv.heading')}</h2>
        {/* The column names are machine identifiers, the same in every language (the importer reads them). */}
        <p className="hint">
          {t('suppliers.csv.columns')} <code>{SUPPLIER_CSV_COLUMNS.join(',')}</code>
          {t('suppliers.csv.separated')} <code>;</code>
          {t('suppliers.csv.rest')}
        </p>
        <UploadForm submitLabel={t('suppliers.csv.submit')}>
          <UploadField id="supplier-file" label={t('suppliers.csv.file')} />
        </UploadForm>
      </section>
    </>
  )
}
