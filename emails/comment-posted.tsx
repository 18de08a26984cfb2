import type { TFunction } from 'i18next'
import { Heading, Text } from '@react-email/components'
import { Fragment } from 'react'
import type { Language } from '~/i18n/languages'
import { ActionLink } from './action-link'
import { emailTranslator } from './i18n'
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
  /** The recipient's language, chosen when the email was queued (English when absent). */
  language?: Language
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
  language,
}: Partial<CommentPostedEmailProps>) {
  const t = emailTranslator(language)
  const headline = commentHeadline(t, { authorName, mentioned, asSignatory })
  const why = t(mentioned ? 'comment.whyMentioned' : 'comment.whyChain')
  return (
    <EmailLayout language={language} preview={t('referenceAnd', { reference: summary.reference, text: headline })}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {t('comment.heading', { headline, reference: summary.reference })}
      </Heading>
      <Text>{t('greeting', { name: recipientName })}</Text>
      <Text>{t(asSignatory ? 'comment.wroteAsSignatory' : 'comment.wrote', { why, author: authorName, at: postedAt })}</Text>
      <Text style={{ borderLeft: '4px solid #d7dbe3', paddingLeft: '12px' }}>
        {body.split('\n').map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
      <Text>{t('comment.answer')}</Text>
      <JustificationSummary {...summary} language={language} />
      <ActionLink href={discussionUrl} label={t('comment.open')} />
    </EmailLayout>
  )
}

/** "Marta Mendes asked a question": the email's headline, and its subject after the reference. */
export function commentHeadline(t: TFunction<'emails'>, { authorName, mentioned, asSignatory }: { authorName: string; mentioned: boolean; asSignatory: boolean }) {
  return t(mentioned ? 'comment.headlineMentioned' : asSignatory ? 'comment.headlineAsked' : 'comment.headlineCommented', { author: authorName })
}

export default CommentPostedEmail
