import { Heading, Section, Text } from '@react-email/components'
import { formatDateTime } from '~/calendar/format-date'
import type { Language } from '~/i18n/languages'
import { emailTranslator } from './i18n'
import { ActionLink, SecondaryLink } from './action-link'
import { EmailDocumentList, exampleDocuments, type EmailDocument } from './document-list'
import { exampleSummary, JustificationSummary, type JustificationSummaryProps } from './justification-summary'
import { EmailLayout } from './layout'
import type { StatedAlternatives } from '~/industrial-return/suppliers/stated-alternatives'

export type SignatureRequestedEmailProps = {
  signatoryName: string
  /** What is asked of the reader and why them, in the second person: "You are asked to sign as group leader for EN-MME." */
  request: string
  /** The sign-off link: opens a page with the decision buttons; nothing happens by opening it. */
  signOffUrl: string
  linkValidFor: string
  /** When the link stops working, on the organisation's clock (app/calendar). */
  linkExpiresAt: string | null
  justificationUrl: string
  summary: JustificationSummaryProps
  /** The justification's current documents, as the signature will cover them. */
  documents: EmailDocument[]
  reasonText: string
  chainSoFar: string[]
  splitPurchaseWarning: string | null
  /** The suppliers in very poorly balanced countries the requester was shown, and why none can deliver. */
  alternativeSuppliers: StatedAlternatives | null
  isReminder?: boolean
  /** The recipient's language, chosen when the email was queued (English when absent). */
  language?: Language
}

/**
 * Everything a signatory needs to decide without opening anything else, and the link to do it.
 * Read on a phone first: the facts, then the button within the first screen; the documents with
 * their hashes, the requester's full text and the chain below.
 */
export function SignatureRequestedEmail({
  signatoryName = 'Marta Mendes',
  request = 'You are asked to sign as group leader for EN-MME.',
  signOffUrl = 'http://localhost:3000/sign-off/example-token-3q2v0mJ8bX7kLw9sT4yZpR1nA6eCfHdGiUoVtWxYz',
  linkValidFor = '7 days',
  linkExpiresAt = formatDateTime('2026-12-03T09:15:00Z'),
  justificationUrl = 'http://localhost:3000/justifications/00000000-0000-4000-8000-000000000000',
  summary = exampleSummary,
  documents = exampleDocuments,
  reasonText = 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers without requalification.',
  chainSoFar = ['Group leader: Marta Mendes, awaiting signature', 'Department head: Elena Navarro, to come'],
  splitPurchaseWarning = null,
  alternativeSuppliers = {
    suppliers: ['Lisboa Vácuo Lda (Portugal)', 'Vilnius Vacuum UAB (Lithuania)'],
    reason: 'Neither makes cold heads for the installed cryocooler model; both were asked in the market survey.',
  },
  isReminder = false,
  language,
}: Partial<SignatureRequestedEmailProps>) {
  const t = emailTranslator(language)
  return (
    <EmailLayout language={language} preview={t(isReminder ? 'signatureRequested.subjectReminder' : 'signatureRequested.subject', { reference: summary.reference, title: summary.title })}>
      <Heading as="h1" style={{ fontSize: '20px', lineHeight: '26px', margin: '12px 0' }}>
        {t(isReminder ? 'signatureRequested.headingReminder' : 'signatureRequested.heading')}
      </Heading>
      <Text style={{ margin: '8px 0' }}>{t('greeting', { name: signatoryName })}</Text>
      <Text style={{ margin: '8px 0' }}>{request}</Text>
      {splitPurchaseWarning ? <Text style={{ color: '#8a5a00', margin: '8px 0' }}>{t('signatureRequested.splitPurchase', { warning: splitPurchaseWarning })}</Text> : null}
      <JustificationSummary {...summary} language={language} />
      <ActionLink
        href={signOffUrl}
        label={t('signatureRequested.button')}
        urlIntro={linkExpiresAt ? t('signatureRequested.linkUntil', { expiresAt: linkExpiresAt, validFor: linkValidFor }) : t('signatureRequested.linkFor', { validFor: linkValidFor })}
      />
      <EmailDocumentList documents={documents} language={language} />
      <Text>
        <strong>{t('signatureRequested.reasonHeading')}</strong>
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{reasonText}</Text>
      {alternativeSuppliers ? (
        <Section>
          <Text>
            <strong>{t('signatureRequested.alternativesTerm')}</strong>
            {t('signatureRequested.alternativesNote', { suppliers: alternativeSuppliers.suppliers.join(', ') })}
          </Text>
          <Text>
            <strong>{t('signatureRequested.alternativesReasonTerm')}:</strong>
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{alternativeSuppliers.reason ?? '—'}</Text>
        </Section>
      ) : null}
      <Section>
        <Text>
          <strong>{t('signatureRequested.chainHeading')}</strong>
        </Text>
        {chainSoFar.map((line) => (
          <Text key={line} style={{ margin: '2px 0' }}>
            • {line}
          </Text>
        ))}
      </Section>
      <SecondaryLink href={justificationUrl} intro={t('signatureRequested.justificationLink')} />
    </EmailLayout>
  )
}

export default SignatureRequestedEmail
