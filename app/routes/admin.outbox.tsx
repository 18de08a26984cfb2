import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { listOutbox } from '~/email/list-outbox.server'
import { retryEmail } from '~/email/retry-email.server'
import { DateTime } from '~/calendar/date-time'
import { readForm } from '~/http/request-body.server'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'

export const meta: MetaFunction = () => [{ title: 'Outbox · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  return listOutbox(getDatabase())
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdministrator(request)
  const id = String((await readForm(request)).get('outboxId') ?? '')
  const retried = await retryEmail(getDatabase(), id, { actorId: admin.id, now: new Date(), origin: requestOrigin(request) })
  if (retried.outcome === 'NOT_FOUND') return { error: 'This message no longer exists.' }
  return retried.outcome === 'REQUEUED' ? { ok: `The message to ${retried.toAddress} is queued again.` } : { error: 'This message is no longer failed (someone queued it again already).' }
}

type OutboxRow = { id: string; to: string; subject: string; attempts: number; lastError: string | null; nextAttemptAt: string; sentAt: string | null }

const to: TableColumn<OutboxRow> = { header: 'To', cell: (m) => m.to }
const subject: TableColumn<OutboxRow> = { header: 'Subject', cell: (m) => m.subject }
const attempts: TableColumn<OutboxRow> = { header: 'Attempts', numeric: true, cell: (m) => m.attempts }
const failedColumns: TableColumn<OutboxRow>[] = [
  to,
  subject,
  attempts,
  { header: 'Last error', cell: (m) => m.lastError },
  {
    header: 'Action',
    cell: (m) => (
      <Form method="post">
        <input type="hidden" name="outboxId" value={m.id} />
        <button type="submit">Try again</button>
      </Form>
    ),
  },
]
const queuedColumns: TableColumn<OutboxRow>[] = [to, subject, attempts, { header: 'Next attempt', cell: (m) => <DateTime at={m.nextAttemptAt} /> }, { header: 'Last error', cell: (m) => m.lastError ?? '' }]

export default function OutboxPage() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <PageHeader title="Outbox" />
      {result && 'ok' in result ? (
        <Notice tone="success" role="status">
          {result.ok}
        </Notice>
      ) : null}
      {result && 'error' in result ? (
        <Notice tone="error" role="alert">
          {result.error}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="failed-heading">
        <h2 id="failed-heading">Failed ({data.failed.length})</h2>
        {data.failed.length === 0 ? (
          <p className="empty">No failed email. Every message was delivered or is still being tried.</p>
        ) : (
          <SortableTable columns={failedColumns} rows={data.failed} rowKey={(m) => m.id} />
        )}
      </section>
      <section className="card" aria-labelledby="queued-heading">
        <h2 id="queued-heading">Waiting ({data.queued.length})</h2>
        {data.queued.length === 0 ? <p className="empty">Nothing waiting.</p> : <SortableTable columns={queuedColumns} rows={data.queued} rowKey={(m) => m.id} />}
      </section>
      <section className="card" aria-labelledby="sent-heading">
        <h2 id="sent-heading">Sent ({data.sentCount} in all; the latest 20)</h2>
        {data.recentlySent.length === 0 ? (
          <p className="empty">Nothing sent yet.</p>
        ) : (
          <ul>
            {data.recentlySent.map((m) => (
              <li key={m.id}>
                {m.sentAt ? <DateTime at={m.sentAt} /> : null}: “{m.subject}” to {m.to}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
