import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import type { SignatoryRole } from '~/workflow/signature-policy'
import { stepLabelText } from '~/workflow/signatory-role-labels'
import { DocumentList, type ListedDocument } from '~/attachments/document-list'
import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import type { JustificationPageData } from './justification-details'
import { Timeline } from './justification-details'
import { alternativeSuppliersFacts, boughtFact, chfFirstAmountFact, originFact, reasonFacts, supplierFact, type Wording } from './justification-facts'

/** The facts' wording: the justification's messages and the reader's formats. */
function useWording(): Wording {
  const { t } = useTranslation('justifications')
  return { t, formats: useFormats() }
}

// What a signatory reads on a sign-off link's page. Most open it on a phone from the email, so the
// page is in two parts: the few facts a decision rests on, read before the buttons, and everything
// else below them, for whoever wants to read on.

/** Who is asked to sign, in which role, until when: the link's own state, not the justification's. */
export type SignOffAsk = { signatoryName: string; stepLabel: string; expiresAt: string; stepRole?: SignatoryRole | undefined; expiresOn?: string | undefined }

/**
 * The top of the page, the one h1: what is asked (a signature, in which role) and for which
 * justification; then whose link this is and until when it works.
 */
export function SignOffHeading({ ask, details }: { ask: SignOffAsk; details: Pick<JustificationPageData, 'reference' | 'title'> }) {
  const { t } = useTranslation('signoff')
  const { language, dateTime } = useFormats()
  // The policy's label in English; in another language, the role's name (the policy is written in English).
  const role = language !== 'en' && ask.stepRole ? t(`roles.${ask.stepRole}`) : ask.stepLabel.toLowerCase()
  const until = ask.expiresOn ? dateTime(ask.expiresOn) : ask.expiresAt
  return (
    <PageHeader
      id="sign-off-heading"
      title={
        <>
          <span className="sign-off-asked">{t('heading.asked', { role })}</span> <span>{`${details.reference}: ${details.title}`}</span>
        </>
      }
      lead={<span className="hint">{t('heading.lead', { name: ask.signatoryName, until })}</span>}
    />
  )
}

/** The facts a decision rests on, in the order a signatory weighs them; the flag if any; then `children` (the documents). */
export function SignOffSummary({ details, children }: { details: JustificationPageData; children?: ReactNode }) {
  const { t } = useTranslation('signoff')
  const wording = useWording()
  const [why] = reasonFacts(details, wording)
  return (
    <section className="card sign-off-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        {t('summary.inShort')}
      </h2>
      <DefinitionList
        className="sign-off-facts"
        facts={[chfFirstAmountFact(details, wording), supplierFact(details, wording), { term: t('summary.requester'), details: details.requester }, why && { ...why, term: t('summary.reason') }]}
      />
      {details.splitPurchaseFlag ? <Notice tone="error">{t('summary.splitPurchase')}</Notice> : null}
      {children}
    </section>
  )
}

/**
 * What the signature covers besides the text, read before deciding: every current document, its
 * name a download link, with its size and the full SHA-256 the signature will record. Part of the
 * summary's card (one card less keeps the decision on a phone's first screen when there is none).
 */
export function SignOffDocuments({ documents, hrefFor }: { documents: readonly ListedDocument[]; hrefFor: (document: ListedDocument) => string }) {
  const { t } = useTranslation('signoff')
  return (
    <section className="sign-off-documents" aria-labelledby="documents-heading">
      <h3 id="documents-heading">
        {t('summary.documents')}
        {documents.length > 0 ? <span className="sign-off-document-count"> ({documents.length})</span> : null}
      </h3>
      <DocumentList documents={documents} hrefFor={hrefFor} emptyText={t('summary.noDocuments')} labelledBy="documents-heading" />
    </section>
  )
}

/** Below the decision: the written justification in full, the signatures so far and the history. */
export function SignOffFullJustification({ details }: { details: JustificationPageData }) {
  const { t } = useTranslation('signoff')
  const wording = useWording()
  const { formats } = wording
  const [, written] = reasonFacts(details, wording)
  return (
    <>
      <section className="card sign-off-full" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('full.heading')}</h2>
        <DefinitionList
          className="sign-off-stacked"
          facts={[
            boughtFact(details, wording),
            written,
            ...alternativeSuppliersFacts(details, wording),
            { term: t('full.group'), details: `${details.group} (${details.department})` },
            { term: t('full.category'), details: wording.t(`category.${details.categoryCode}`) },
            originFact(details, wording),
            details.marketSurveyReference ? { term: t('full.marketSurvey'), details: details.marketSurveyReference } : null,
            details.submittedAtIso ? { term: t('full.submitted'), details: <time dateTime={details.submittedAtIso}>{formats.dateTime(details.submittedAtIso)}</time> } : null,
            details.policyVersion ? { term: t('full.policy'), details: t('full.policyVersion', { version: details.policyVersion }) } : null,
          ]}
        />
      </section>
      <section className="card" aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">{t('full.signatures')}</h2>
        <ol className="chain">
          {details.chain.map((step) => (
            <li key={step.index}>
              {t('full.signatureLine', { label: stepLabelText(wording.t, step), name: step.signatory, state: wording.t(`stepStatus.${step.status}`).toLowerCase() })}
              {step.decidedAtIso ? (
                <>
                  {' '}
                  <time dateTime={step.decidedAtIso}>{formats.dateTime(step.decidedAtIso)}</time>
                </>
              ) : null}
              {step.comment ? <span> “{step.comment}”</span> : null}
            </li>
          ))}
        </ol>
      </section>
      <Timeline events={details.timeline} />
    </>
  )
}
