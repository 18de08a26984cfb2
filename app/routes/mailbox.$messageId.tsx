import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { readMailboxMessage, requireLocalMailbox } from '~/email/mailbox.server'
import { DateTime } from '~/calendar/date-time'
import { DefinitionList } from '~/ui/definition-list'
import { PageHeader } from '~/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Message · Local mailbox · SoleSource' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const db = requireLocalMailbox()
  const message = await readMailboxMessage(db, params.messageId ?? '')
  if (!message) throw new Response('This message does not exist.', { status: 404, statusText: 'Not Found' })
  return message
}

export default function MailboxMessagePage() {
  const message = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader back={<a href="/mailbox">← Local mailbox</a>} title={message.subject} />
      <DefinitionList
        className="card"
        facts={[
          { term: 'To', details: message.toAddress },
          { term: 'Received', details: <DateTime at={message.receivedAt} /> },
          { term: 'Message-ID', details: message.messageId },
        ]}
      />
      <h2>Plain text</h2>
      {/* The text part, with its links clickable, so the page works without opening the HTML. */}
      <pre className="card" style={{ whiteSpace: 'pre-wrap' }}>
        {linkify(message.text)}
      </pre>
      <h2>HTML</h2>
      <iframe className="mail" title={`HTML version of “${message.subject}”`} sandbox="allow-popups allow-top-navigation-by-user-activation" srcDoc={message.html} />
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
