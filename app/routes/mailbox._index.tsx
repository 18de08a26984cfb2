import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { listMailbox, requireLocalMailbox } from '~/email/mailbox.server'
import { DateTime } from '~/calendar/date-time'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'

export const meta: MetaFunction = () => [{ title: 'Local mailbox · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const db = requireLocalMailbox()
  const to = new URL(request.url).searchParams.get('to')?.trim().toLowerCase() || null
  return { to, messages: await listMailbox(db, to) }
}

type MessageRow = { id: string; toAddress: string; subject: string; receivedAt: string }

const columns: TableColumn<MessageRow>[] = [
  { header: 'Received', cell: (m) => <DateTime at={m.receivedAt} /> },
  { header: 'To', cell: (m) => m.toAddress },
  { header: 'Subject', cell: (m) => <a href={`/mailbox/${m.id}`}>{m.subject}</a> },
]

export default function MailboxPage() {
  const { to, messages } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Local mailbox" />
      <Notice>
        No mail server is configured (SMTP_URL is unset), so SoleSource delivers every email here. Set SMTP_URL to send real mail; this page then disappears.
      </Notice>
      <Form method="get" className="card row">
        <div className="field">
          <label htmlFor="to">Recipient</label>
          <input id="to" name="to" type="email" defaultValue={to ?? ''} placeholder="name@example.org" />
        </div>
        <div className="field" style={{ alignSelf: 'end', flex: '0 0 auto' }}>
          <button type="submit">Filter</button>
        </div>
      </Form>
      {messages.length === 0 ? (
        <p className="empty">{to ? `No messages for ${to} yet.` : 'No messages yet.'}</p>
      ) : (
        <SortableTable caption="Messages, newest first" columns={columns} rows={messages} rowKey={(m) => m.id} />
      )}
    </>
  )
}
