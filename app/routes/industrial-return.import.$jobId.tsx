import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { loadImportJob } from '~/industrial-return/ledger/import-jobs.server'
import { translateList } from '~/industrial-return/ledger/message-list'
import { rejectionText } from '~/industrial-return/ledger/rejection-text'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { formatWholeNumber } from '~/money/amount'
import { pageError } from '~/ui/error-page'
import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'
import { UUID } from '~/http/uuid'

export const handle: RouteHandle = {
  i18n: ['return-data', 'industrial-return'],
  title: (t, data: { job: { fileName: string } } | undefined) => t('return-data:job.title', { fileName: data?.job.fileName ?? '' }),
}

const SHOWN_REJECTIONS = 500

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const found = UUID.test(params.jobId ?? '') ? await loadImportJob(getDatabase(), params.jobId!, { rejectionLimit: SHOWN_REJECTIONS }) : null
  if (!found) throw pageError(404, { title: message('return-data:job.notFound.title'), message: message('return-data:job.notFound.message'), back: '/industrial-return/import' }, request)
  return found
}

export default function ImportJobPage() {
  const { job, rejections } = useLoaderData<typeof loader>()
  const { t } = useTranslation('return-data')
  const inProgress = job.status === 'QUEUED' || job.status === 'RUNNING'
  const revalidator = useRevalidator()
  // With JavaScript: poll. Without: the <noscript> refresh below reloads the page.
  useEffect(() => {
    if (!inProgress) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 1000)
    return () => clearInterval(timer)
  }, [inProgress, revalidator])
  return (
    <>
      {inProgress ? <noscript dangerouslySetInnerHTML={{ __html: '<meta http-equiv="refresh" content="2">' }} /> : null}
      <PageHeader title={t('job.heading', { fileName: job.fileName })} />
      <ReturnNav />
      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{inProgress ? t('job.checking') : job.status === 'SUCCEEDED' ? t('job.finished') : t('job.failed')}</h2>
        <div role="status" aria-live="polite">
          <progress max={job.totalRows} value={job.processedRows} aria-label={t('job.rowsChecked')}>
            {job.percent}%
          </progress>
          <p>
            {t('job.progress', { count: job.totalRows, processed: formatWholeNumber(job.processedRows), total: formatWholeNumber(job.totalRows), percent: job.percent })}
            {inProgress && job.processedRows === job.totalRows ? ` ${t('job.saving')}` : ''}
            {inProgress ? ` ${t('job.together')}` : ''}
          </p>
        </div>
        {job.status === 'FAILED' && job.fatalError ? (
          <Notice tone="error" role="alert">
            {translateList(t, job.fatalError, ' ')}
          </Notice>
        ) : null}
        <DefinitionList
          facts={[
            { term: t('job.imported'), details: job.status === 'SUCCEEDED' ? job.importedRows : inProgress ? t('job.whenFinished') : 0 },
            { term: t('job.unchanged'), details: job.unchangedRows },
            { term: t('job.rejected'), details: job.rejectedRows },
          ]}
        />
        {job.status === 'SUCCEEDED' ? (
          <p>
            <Link to="/industrial-return">{t('job.seeDashboard')}</Link> · <Link to="/industrial-return/contracts">{t('job.seeContracts')}</Link>
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="rejections-heading">
        <h2 id="rejections-heading">{t('job.rejectedRows', { count: job.rejectedRows })}</h2>
        {rejections.length === 0 ? (
          <p className="empty">{inProgress ? t('job.noRejectionSoFar') : t('job.noRejection')}</p>
        ) : (
          <>
            <p>
              <a href={`/industrial-return/import/${job.id}/rejections.csv`} download>
                {t('job.download')}
              </a>
              {job.rejectedRows > rejections.length ? ` ${t('job.firstListed', { count: rejections.length })}` : ''}
              {t('job.fixAndAgain')}
            </p>
            <SortableTable
              rows={rejections}
              rowKey={(r) => String(r.line)}
              columns={[
                { header: t('job.line'), numeric: true, cell: (r) => r.line },
                { header: t('job.orderNumber'), cell: (r) => r.orderNumber ?? '—' },
                { header: t('job.why'), cell: (r) => rejectionText(t, r) },
              ]}
            />
          </>
        )}
      </section>
    </>
  )
}
