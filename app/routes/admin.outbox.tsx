import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { RichText } from '~/ui/rich-text'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { listOutbox } from '~/email/list-outbox.server'
import { retryEmail } from '~/email/retry-email.server'
import { DateTime } from '~/calendar/date-time'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { readForm } from '~/http/request-body.server'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'

export const handle: RouteHandle = { i18n: 'admin', title: (t) => t('admin:outbox.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  return listOutbox(getDatabase())
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdministrator(request)
  const id = String((await readForm(request)).get('outboxId') ?? '')
  const retried = await retryEmail(getDatabase(), id, { actorId: admin.id, now: new Date(), origin: requestOrigin(request) })
  if (retried.outcome === 'NOT_FOUND') return { error: message('admin:outbox.notFound') }
  return retried.outcome === 'REQUEUED' ? { ok: message('admin:outbox.requeued', { to: retried.toAddress }) } : { error: message('admin:outbox.notFailed') }
}

type OutboxRow = { id: string; to: string; subject: string; language: string | null; attempts: number; lastError: string | null; nextAttemptAt: string; sentAt: string | null }

/**
 * A subject as it was written, marked with the language its email was written in (the recipient's,
 * stored with it), not read as the page's. An email queued before the language was stored is
 * marked unknown (lang="", HTML's "language unknown").
 */
function Subject({ text, language }: { text: string; language: string | null }) {
  return <span lang={language ?? ''}>{text}</span>
}

// Errors are the mail server's own words, shown as they came.
function columnsOf(t: TFunction<'admin'>) {
  const to: TableColumn<OutboxRow> = { header: t('outbox.to'), cell: (m) => m.to }
  const subject: TableColumn<OutboxRow> = { header: t('outbox.subject'), cell: (m) => <Subject text={m.subject} language={m.language} /> }
  const attempts: TableColumn<OutboxRow> = { header: t('outbox.attempts'), numeric: true, cell: (m) => m.attempts }
  const failed: TableColumn<OutboxRow>[] = [
    to,
    subject,
    attempts,
    { header: t('outbox.lastError'), cell: (m) => m.lastError },
    {
      header: t('outbox.action'),
      cell: (m) => (
        <Form method="post">
          <input type="hidden" name="outboxId" value={m.id} />
          <button type="submit">{t('outbox.tryAgain')}</button>
        </Form>
      ),
    },
  ]
  const queued: TableColumn<OutboxRow>[] = [to, subject, attempts, { header: t('outbox.nextAttempt'), cell: (m) => <DateTime at={m.nextAttemptAt} /> }, { header: t('outbox.lastError'), cell: (m) => m.lastError ?? '' }]
  return { failed, queued }
}

const LATEST_SENT = 20

export default function OutboxPage() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const columns = columnsOf(t)
  return (
    <>
      <PageHeader title={t('outbox.heading')} />
      {result?.ok ? (
        <Notice tone="success" role="status">
          {translateMessage(t as unknown as TFunction, result.ok)}
        </Notice>
      ) : null}
      {result?.error ? (
        <Notice tone="error" role="alert">
          {translateMessage(t as unknown as TFunction, result.error)}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="failed-heading">
        <h2 id="failed-heading">{t('outbox.failed', { count: data.failed.length })}</h2>
        {data.failed.length === 0 ? (
          <p className="empty">{t('outbox.noFailed')}</p>
        ) : (
          <SortableTable columns={columns.failed} rows={data.failed} rowKey={(m) => m.id} />
        )}
      </section>
      <section className="card" aria-labelledby="queued-heading">
        <h2 id="queued-heading">{t('outbox.waiting', { count: data.queued.length })}</h2>
        {data.queued.length === 0 ? <p className="empty">{t('outbox.nothingWaiting')}</p> : <SortableTable columns={columns.queued} rows={data.queued} rowKey={(m) => m.id} />}
      </section>
      <section className="card" aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t('outbox.sent', { count: data.sentCount, latest: LATEST_SENT })}</h2>
        {data.recentlySent.length === 0 ? (
          <p className="empty">{t('outbox.nothingSent')}</p>
        ) : (
          <ul>
            {data.recentlySent.map((m) => (
              <li key={m.id}>
                {m.sentAt ? <DateTime at={m.sentAt} /> : null}
                <RichText text={t('outbox.sentItem', { subject: m.subject, to: m.to })} parts={[<Subject key="subject" text={m.subject} language={m.language} />]} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
