import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { DateTime } from '~/calendar/date-time'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { receiveUpload } from '~/attachments/receive-upload.server'
import { mediaType, refusal } from '~/http/request-body.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { CONTRACT_CSV_COLUMNS } from '~/industrial-return/ledger/contract-csv'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '~/industrial-return/ledger/import-limits'
import { createContractImport, readUploadedFile, TOO_LARGE } from '~/industrial-return/ledger/create-import.server'
import { listImportJobs } from '~/industrial-return/ledger/import-jobs.server'
import { message } from '~/i18n/message'
import { translateList } from '~/industrial-return/ledger/message-list'
import { startImportInBackground } from '~/industrial-return/ledger/run-imports.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'
import { UploadField, UploadForm } from '~/ui/upload-field'

export const handle: RouteHandle = { i18n: ['return-data', 'industrial-return'], title: (t) => t('return-data:import.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { imports: await listImportJobs(getDatabase(), 20) }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  if (mediaType(request) !== 'multipart/form-data') throw await refusal(request, 415, 'uploadNotMultipart', undefined, officer)
  // Streamed to a temporary file, then read once from it while it is stored: never whole in memory.
  const upload = await receiveUpload(request, { maxFileBytes: MAX_IMPORT_BYTES, maxRequestBytes: 2 * MAX_IMPORT_BYTES })
  let created
  try {
    const file = upload.files.find((received) => received.field === 'file')
    if (file?.overLimit) return { error: TOO_LARGE }
    if (!file?.path || file.sizeBytes === 0) return { error: message('return-data:import.chooseFile') }
    created = await createContractImport(getDatabase(), { fileName: file.fileName, bytes: readUploadedFile(file.path), actorId: officer.id, now: new Date(), origin: requestOrigin(request) })
  } finally {
    await upload.cleanup()
  }
  if (!created.ok) return { error: created.message }
  const db = getDatabase()
  startImportInBackground(db, created.jobId, { now: () => new Date(), appUrl: getEnv().APP_URL })
  return redirect(`/industrial-return/import/${created.jobId}`)
}

export default function ImportContractsPage() {
  const { imports } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('return-data')
  const statusOf = (job: (typeof imports)[number]) =>
    job.status === 'RUNNING' || job.status === 'QUEUED' ? t('import.recent.inProgress', { percent: job.percent }) : job.status === 'SUCCEEDED' ? t('import.recent.finished') : t('import.recent.failed')
  return (
    <>
      <PageHeader title={t('import.title')} />
      <ReturnNav />
      <div className="card narrow">
        <UploadForm error={result?.error ? translateList(t, result.error, ' ') : undefined} errorId="import-error" submitLabel={t('import.submit')} busyLabel={t('import.uploading')}>
          <UploadField label={t('import.fileLabel')} hint={t('import.fileHint')} limits={{ rows: MAX_IMPORT_ROWS }} />
        </UploadForm>
        <p className="hint">{t('import.safeToRepeat')}</p>
      </div>

      <section className="card" aria-labelledby="format-heading">
        <h2 id="format-heading">{t('import.format.heading')}</h2>
        <p>
          <a href="/industrial-return/import/template.csv" download>
            {t('import.format.template')}
          </a>{' '}
          {t('import.format.templateContent')}
        </p>
        {/* The column names are machine identifiers, the same in every language (the importer reads them). */}
        <SortableTable
          caption={t('import.format.caption')}
          rows={CONTRACT_CSV_COLUMNS}
          rowKey={(column) => column}
          columns={[
            { header: t('import.format.column'), rowHeader: true, cell: (column) => <code>{column}</code> },
            { header: t('import.format.content'), cell: (column) => t(`import.columns.${column}`) },
          ]}
        />
      </section>

      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('import.recent.heading')}</h2>
        {imports.length === 0 ? (
          <p className="empty">{t('import.recent.none')}</p>
        ) : (
          <SortableTable
            rows={imports}
            rowKey={(job) => job.id}
            columns={[
              { header: t('import.recent.file'), cell: (job) => <Link to={`/industrial-return/import/${job.id}`}>{job.fileName}</Link> },
              { header: t('import.recent.uploaded'), cell: (job) => <DateTime at={job.createdAt} /> },
              { header: t('import.recent.status'), cell: statusOf },
              { header: t('import.recent.rows'), numeric: true, cell: (job) => job.totalRows },
              { header: t('import.recent.imported'), numeric: true, cell: (job) => job.importedRows },
              { header: t('import.recent.unchanged'), numeric: true, cell: (job) => job.unchangedRows },
              { header: t('import.recent.rejected'), numeric: true, cell: (job) => job.rejectedRows },
            ]}
          />
        )}
      </section>
    </>
  )
}
