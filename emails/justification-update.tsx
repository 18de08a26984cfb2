import { Heading, Text } from '@react-email/components'
import type { Language } from '~/i18n/languages'
import { ActionLink } from './action-link'
import { emailTranslator } from './i18n'
import { exampleSummary, JustificationSummary, type JustificationSummaryProps } from './justification-summary'
import { EmailLayout } from './layout'

export type JustificationUpdateEmailProps = {
  recipientName: string
  headline: string
  /** What happened, who did it, and what comes next, one paragraph each. */
  paragraphs: string[]
  /** The signatory's reason or comment, quoted as written. */
  quote: string | null
  actionLabel: string
  justificationUrl: string
  summary: JustificationSummaryProps
  /** The recipient's language, chosen when the email was queued (English when absent). */
  language?: Language
}

/** To the requester when their justification moves on, or to a signatory whose step was withdrawn: addressed to the reader. */
export function JustificationUpdateEmail({
  recipientName = 'Rita Romano',
  headline = 'Your justification was approved',
  paragraphs = ['Every signature is in. You may proceed with the purchase.', 'Group leader: Marta Mendes, signed 25 Nov 2026, 16:40', 'Department head: Elena Navarro, signed 26 Nov 2026, 10:15'],
  quote = null,
  actionLabel = 'Open the justification',
  justificationUrl = 'http://localhost:3000/justifications/00000000-0000-4000-8000-000000000000',
  summary = exampleSummary,
  language,
}: Partial<JustificationUpdateEmailProps>) {
  const t = emailTranslator(language)
  return (
    <EmailLayout language={language} preview={t('referenceAnd', { reference: summary.reference, text: headline })}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {headline}
      </Heading>
      <Text>{t('greeting', { name: recipientName })}</Text>
      {paragraphs.map((paragraph) => (
        <Text key={paragraph}>{paragraph}</Text>
      ))}
      {quote ? <Text style={{ borderLeft: '4px solid #d7dbe3', paddingLeft: '12px', fontStyle: 'italic' }}>{t('quote', { quote })}</Text> : null}
      <JustificationSummary {...summary} language={language} />
      <ActionLink href={justificationUrl} label={actionLabel} />
    </EmailLayout>
  )
}

export default JustificationUpdateEmail
