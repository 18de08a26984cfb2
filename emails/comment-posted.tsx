import { Heading, Text } from '@react-email/components'
import { Fragment } from 'react'
import { ActionLink } from './action-link'
import { exampleSummary, JustificationSummary, type JustificationSummaryProps } from './justification-summary'
import { EmailLayout } from './layout'

export type CommentPostedEmailProps = {
  recipientName: string
  authorName: string
  /** The reader was named with @ in the comment (rather than hearing of it as one of the chain). */
  mentioned: boolean
  /** A signatory's question from their sign-off link, asked without deciding. */
  asSignatory: boolean
  body: string
  postedAt: string
  /** The justification's page, where the thread is: never a sign-off link, a comment decides nothing. */
  discussionUrl: string
  summary: JustificationSummaryProps
}

/** To the requester and the signatories of a justification, and to whoever a comment mentions. */
export function CommentPostedEmail({
  recipientName = 'Rita Romano',
  authorName = 'Marta Mendes',
  mentioned = false,
  asSignatory = true,
  body = 'Is the quote from Cryo Instruments still valid in January?\nThe one attached expires on 31 December.',
  postedAt = '26 Nov 2026, 10:15 CET',
  discussionUrl = 'http://localhost:3000/justifications/00000000-0000-4000-8000-000000000000#discussion',
  summary = exampleSummary,
}: Partial<CommentPostedEmailProps>) {
  const headline = mentioned ? `${authorName} mentioned you` : asSignatory ? `${authorName} asked a question` : `${authorName} commented`
  const why = mentioned
    ? 'You were mentioned in the discussion of this justification.'
    : 'You hear of every comment on this justification because you filed it or were asked to sign it.'
  return (
    <EmailLayout preview={`${summary.reference}: ${headline}`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {headline} on {summary.reference}
      </Heading>
      <Text>Hello {recipientName},</Text>
      <Text>
        {why} {authorName} wrote on {postedAt}
        {asSignatory ? ', from their sign-off link, without deciding' : ''}:
      </Text>
      <Text style={{ borderLeft: '4px solid #d7dbe3', paddingLeft: '12px' }}>
        {body.split('\n').map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
      <Text>Answer on the justification’s page: a reply to this email does not reach the discussion.</Text>
      <JustificationSummary {...summary} />
      <ActionLink href={discussionUrl} label="Open the discussion" />
    </EmailLayout>
  )
}

export default CommentPostedEmail
