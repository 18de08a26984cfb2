import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { RouteHandle } from '~/i18n/route-handle'
import { listMailbox, requireLocalMailbox } from '~/email/mailbox.server'
import { DateTime } from '~/calendar/date-time'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'

export const handle: RouteHandle = { i18n: 'emails', title: (t) => t('emails:mailbox.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const db = requireLocalMailbox()
  const to = new URL(request.url).searchParams.get('to')?.trim().toLowerCase() || null
  return { to, messages: await listMailbox(db, to) }
}

type MessageRow = { id: string; toAddress: string; subject: string; receivedAt: string; language: string }

// The page speaks its reader's language; each subject stays in the language its email was written in.
const columnsIn = (t: TFunction<'emails'>): TableColumn<MessageRow>[] => [
  { header: t('mailbox.received'), cell: (m) => <DateTime at={m.receivedAt} /> },
  { header: t('mailbox.to'), cell: (m) => m.toAddress },
  {
    header: t('mailbox.subject'),
    cell: (m) => (
      <a href={`/mailbox/${m.id}`} lang={m.language}>
        {m.subject}
      </a>
    ),
  },
]

export default function MailboxPage() {
  const { t } = useTranslation('emails')
  const { to, messages } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={t('mailbox.title')} />
      <Notice>{t('mailbox.notice')}</Notice>
      <Form method="get" className="card row">
        <div className="field">
          <label htmlFor="to">{t('mailbox.recipient')}</label>
          <input id="to" name="to" type="email" defaultValue={to ?? ''} placeholder="name@example.org" />
        </div>
        <div className="field" style={{ alignSelf: 'end', flex: '0 0 auto' }}>
          <button type="submit">{t('mailbox.filter')}</button>
        </div>
      </Form>
      {messages.length === 0 ? (
        <p className="empty">{to ? t('mailbox.noMessagesFor', { to }) : t('mailbox.noMessages')}</p>
      ) : (
        <SortableTable caption={t('mailbox.caption')} columns={columnsIn(t)} rows={messages} rowKey={(m) => m.id} />
      )}
    </>
  )
}
