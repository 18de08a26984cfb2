import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { message as translatable } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { readMailboxMessage, requireLocalMailbox } from '~/email/mailbox.server'
import { DateTime } from '~/calendar/date-time'
import { DefinitionList } from '~/ui/definition-list'
import { PageHeader } from '~/ui/page-header'

export const handle: RouteHandle = { i18n: 'emails', title: (t) => `${t('emails:mailbox.messageTitle')} · ${t('emails:mailbox.title')}` }

export async function loader({ params }: LoaderFunctionArgs) {
  const db = requireLocalMailbox()
  const message = await readMailboxMessage(db, params.messageId ?? '')
  if (!message) throw new Response(translatable('common:requestRefusals.mailboxMessageNotFound'), { status: 404, statusText: 'Not Found' })
  return message
}

export default function MailboxMessagePage() {
  const { t } = useTranslation('emails')
  const message = useLoaderData<typeof loader>()
  // The page's own words in its reader's language; the email's in the language it was written in, marked so.
  const written = message.language
  return (
    <>
      <PageHeader back={<a href="/mailbox">{t('mailbox.back')}</a>} title={<span lang={written}>{message.subject}</span>} />
      <DefinitionList
        className="card"
        facts={[
          { term: t('mailbox.to'), details: message.toAddress },
          { term: t('mailbox.received'), details: <DateTime at={message.receivedAt} /> },
          { term: t('mailbox.messageId'), details: message.messageId },
        ]}
      />
      <h2>{t('mailbox.plainText')}</h2>
      {/* The text part, with its links clickable, so the page works without opening the HTML. */}
      <pre className="card" style={{ whiteSpace: 'pre-wrap' }} lang={written}>
        {linkify(message.text)}
      </pre>
      <h2>{t('mailbox.html')}</h2>
      <iframe className="mail" title={t('mailbox.htmlVersion')} sandbox="allow-popups allow-top-navigation-by-user-activation" srcDoc={message.html} />
    </>
  )
}

function linkify(text: string) {
  return text.split(/(https?:\/\/[^\s\]>)]+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  )
}
