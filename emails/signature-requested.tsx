import { Button, Heading, Text } from '@react-email/components'
import { exampleSummary, JustificationSummary, type JustificationSummaryProps } from './justification-summary'
import { EmailLayout } from './layout'

export type SignatureRequestedEmailProps = {
  signatoryName: string
  stepLabel: string
  whyYou: string
  justificationUrl: string
  summary: JustificationSummaryProps
  splitPurchaseWarning: string | null
}

export function SignatureRequestedEmail({
  signatoryName = 'Marta Mendes',
  stepLabel = 'Group leader',
  whyYou = 'You lead EN-MME, the group that carries the purchase.',
  justificationUrl = 'http://localhost:3000/justifications/00000000-0000-4000-8000-000000000000',
  summary = exampleSummary,
  splitPurchaseWarning = null,
}: Partial<SignatureRequestedEmailProps>) {
  return (
    <EmailLayout preview={`${summary.reference} awaits your signature: ${summary.title}`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        A single-source justification awaits your signature
      </Heading>
      <Text>Hello {signatoryName},</Text>
      <Text>
        You are asked to sign as <strong>{stepLabel}</strong>. {whyYou}
      </Text>
      {splitPurchaseWarning ? <Text style={{ color: '#8a5a00' }}>⚠ Possible split purchase: {splitPurchaseWarning}</Text> : null}
      <JustificationSummary {...summary} />
      <Button href={justificationUrl} style={{ backgroundColor: '#0b3d91', color: '#ffffff', padding: '10px 16px', borderRadius: '4px' }}>
        Open the justification
      </Button>
      <Text>
        Link: <a href={justificationUrl}>{justificationUrl}</a>
      </Text>
    </EmailLayout>
  )
}

export default SignatureRequestedEmail
