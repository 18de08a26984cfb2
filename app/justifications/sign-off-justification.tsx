import type { ReactNode } from 'react'
import { DocumentList, type ListedDocument } from '~/attachments/document-list'
import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import type { JustificationPageData } from './justification-details'
import { Timeline } from './justification-details'
import { alternativeSuppliersFacts, boughtFact, chfFirstAmountFact, originFact, reasonFacts, supplierFact } from './justification-facts'

// What a signatory reads on a sign-off link's page. Most open it on a phone from the email, so the
// page is in two parts: the few facts a decision rests on, read before the buttons, and everything
// else below them, for whoever wants to read on.

/** Who is asked to sign, in which role, until when: the link's own state, not the justification's. */
export type SignOffAsk = { signatoryName: string; stepLabel: string; expiresAt: string }

/**
 * The top of the page, the one h1: what is asked (a signature, in which role) and for which
 * justification; then whose link this is and until when it works.
 */
export function SignOffHeading({ ask, details }: { ask: SignOffAsk; details: Pick<JustificationPageData, 'reference' | 'title'> }) {
  return (
    <PageHeader
      id="sign-off-heading"
      title={
        <>
          <span className="sign-off-asked">Your signature as {ask.stepLabel.toLowerCase()}</span> <span>{`${details.reference}: ${details.title}`}</span>
        </>
      }
      lead={<span className="hint">{`For ${ask.signatoryName}; this link works once, until ${ask.expiresAt}.`}</span>}
    />
  )
}

/** The facts a decision rests on, in the order a signatory weighs them; the flag if any; then `children` (the documents). */
export function SignOffSummary({ details, children }: { details: JustificationPageData; children?: ReactNode }) {
  const [why] = reasonFacts(details)
  return (
    <section className="card sign-off-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        In short
      </h2>
      <DefinitionList
        className="sign-off-facts"
        facts={[chfFirstAmountFact(details), supplierFact(details), { term: 'Requester', details: details.requester }, why && { ...why, term: 'Reason' }]}
      />
      {details.splitPurchaseFlag ? <Notice tone="error">Flagged as a possible split purchase.</Notice> : null}
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
  return (
    <section className="sign-off-documents" aria-labelledby="documents-heading">
      <h3 id="documents-heading">
        Documents you are signing{documents.length > 0 ? <span className="sign-off-document-count"> ({documents.length})</span> : null}
      </h3>
      <DocumentList documents={documents} hrefFor={hrefFor} emptyText="No supporting documents were attached." labelledBy="documents-heading" />
    </section>
  )
}

/** Below the decision: the written justification in full, the signatures so far and the history. */
export function SignOffFullJustification({ details }: { details: JustificationPageData }) {
  const [, written] = reasonFacts(details)
  return (
    <>
      <section className="card sign-off-full" aria-labelledby="facts-heading">
        <h2 id="facts-heading">The justification in full</h2>
        <DefinitionList
          className="sign-off-stacked"
          facts={[
            boughtFact(details),
            written,
            ...alternativeSuppliersFacts(details),
            { term: 'Group', details: `${details.group} (${details.department})` },
            { term: 'Category', details: details.category },
            originFact(details),
            details.marketSurveyReference ? { term: 'Market survey', details: details.marketSurveyReference } : null,
            details.submittedAt ? { term: 'Submitted', details: details.submittedAt } : null,
            details.policyVersion ? { term: 'Signature policy', details: `version ${details.policyVersion}` } : null,
          ]}
        />
      </section>
      <section className="card" aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">Signatures</h2>
        <ol className="chain">
          {details.chain.map((step) => (
            <li key={step.index}>
              <strong>{step.label}</strong>: {step.signatory}, {step.statusLabel.toLowerCase()}
              {step.decidedAt ? ` ${step.decidedAt}` : ''}
              {step.comment ? <span> “{step.comment}”</span> : null}
            </li>
          ))}
        </ol>
      </section>
      <Timeline events={details.timeline} />
    </>
  )
}
