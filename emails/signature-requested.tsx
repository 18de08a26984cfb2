import { Button, Heading, Section, Text } from '@react-email/components'
import { exampleSummary, JustificationSummary, type JustificationSummaryProps } from './justification-summary'
import { EmailLayout } from './layout'

export type SignatureRequestedEmailProps = {
  signatoryName: string
  stepLabel: string
  whyYou: string
  /** The sign-off link: opens a page with the decision buttons; nothing happens by opening it. */
  signOffUrl: string
  linkValidFor: string
  justificationUrl: string
  summary: JustificationSummaryProps
  reasonText: string
  chainSoFar: string[]
  splitPurchaseWarning: string | null
  isReminder?: boolean
}

/** Everything a signatory needs to decide without opening anything else, and the link to do it. */
export function SignatureRequestedEmail({
  signatoryName = 'Marta Mendes',
  stepLabel = 'Group leader',
  whyYou = 'Marta Mendes signs as group leader for EN-MME.',
  signOffUrl = 'http://localhost:3000/sign-off/example-token',
  linkValidFor = '7 days',
  justificationUrl = 'http://localhost:3000/justifications/00000000-0000-4000-8000-000000000000',
  summary = exampleSummary,
  reasonText = 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers without requalification.',
  chainSoFar = ['Group leader: Marta Mendes, awaiting signature', 'Department head: Elena Navarro, to come'],
  splitPurchaseWarning = null,
  isReminder = false,
}: Partial<SignatureRequestedEmailProps>) {
  return (
    <EmailLayout preview={`${isReminder ? 'Reminder: ' : ''}${summary.reference} awaits your signature: ${summary.title}`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {isReminder ? 'Reminder: a single-source justification still awaits your signature' : 'A single-source justification awaits your signature'}
      </Heading>
      <Text>Hello {signatoryName},</Text>
      <Text>
        You are asked to sign as <strong>{stepLabel}</strong>. {whyYou}
      </Text>
      {splitPurchaseWarning ? <Text style={{ color: '#8a5a00' }}>⚠ Possible split purchase: {splitPurchaseWarning}</Text> : null}
      <JustificationSummary {...summary} />
      <Text>
        <strong>The requester’s justification:</strong>
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{reasonText}</Text>
      <Section>
        <Text>
          <strong>Signatures so far:</strong>
        </Text>
        {chainSoFar.map((line) => (
          <Text key={line} style={{ margin: '2px 0' }}>
            • {line}
          </Text>
        ))}
      </Section>
      <Button href={signOffUrl} style={{ backgroundColor: '#0b3d91', color: '#ffffff', padding: '10px 16px', borderRadius: '4px' }}>
        Decide: sign, reject or ask for changes
      </Button>
      <Text>
        Sign-off link (yours alone, works once, for {linkValidFor}; opening it decides nothing): <a href={signOffUrl}>{signOffUrl}</a>
      </Text>
      <Text>
        The justification in SoleSource: <a href={justificationUrl}>{justificationUrl}</a>
      </Text>
    </EmailLayout>
  )
}

export default SignatureRequestedEmail
