import { Button, Heading, Text } from '@react-email/components'
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
}

export function JustificationUpdateEmail({
  recipientName = 'Rita Romano',
  headline = 'Your justification was approved',
  paragraphs = ['Elena Navarro signed as Department head on 26 Nov 2026, 10:15. Every signature is in: you may proceed.'],
  quote = null,
  actionLabel = 'Open the justification',
  justificationUrl = 'http://localhost:3000/justifications/00000000-0000-4000-8000-000000000000',
  summary = exampleSummary,
}: Partial<JustificationUpdateEmailProps>) {
  return (
    <EmailLayout preview={`${summary.reference}: ${headline}`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {headline}
      </Heading>
      <Text>Hello {recipientName},</Text>
      {paragraphs.map((paragraph) => (
        <Text key={paragraph}>{paragraph}</Text>
      ))}
      {quote ? <Text style={{ borderLeft: '4px solid #d7dbe3', paddingLeft: '12px', fontStyle: 'italic' }}>“{quote}”</Text> : null}
      <JustificationSummary {...summary} />
      <Button href={justificationUrl} style={{ backgroundColor: '#0b3d91', color: '#ffffff', padding: '10px 16px', borderRadius: '4px' }}>
        {actionLabel}
      </Button>
      <Text>
        Link: <a href={justificationUrl}>{justificationUrl}</a>
      </Text>
    </EmailLayout>
  )
}

export default JustificationUpdateEmail
