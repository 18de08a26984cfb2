import { Form } from '@remix-run/react'
import { DocumentList, type ListedDocument } from '~/attachments/document-list'
import { FilingTimeReturnPanel } from '~/industrial-return/views/filing-time-panel'
import type { FilingTimeReturn } from '~/industrial-return/views/filing-time'
import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'

// What the review page renders (client-safe): the shape of loadSubmissionReview's answer, spelled
// here so that this module imports nothing from the server.
export type ReviewFacts = {
  id: string
  reference: string
  title: string
  status: string
  rowVersion: number
  supplier: string
  supplierCountry: string | null
  originCountry: string | null
  category: string
  reason: string
  amount: string
  activityCode: string | null
  alternativeSuppliers: { name: string; country: string }[]
  alternativeSuppliersReason: string | null
}

export type ReviewAssessment =
  | { ok: false; message: string }
  | {
      ok: true
      amountChf: string
      rate: string | null
      policyVersion: number
      signatories: { who: string; why: string | null }[]
      noSignatureAtOrBelow: string | null
      splitPurchaseWarning: string | null
      documents: ListedDocument[]
      quoteWarning: string | null
      returnPanel: { data: FilingTimeReturn; countryCode: string; category: 'SUPPLIES' | 'SERVICES'; amountChfMinor: number }
      fingerprint: string
    }

/** What submitting will do, then "Confirm and submit" and the way back to the form. */
export function SubmissionReview({ facts, assessment, busy }: { facts: ReviewFacts; assessment: ReviewAssessment; busy: boolean }) {
  const editLink = (
    <a className="button secondary" href={`/justifications/${facts.id}/edit`}>
      Back to edit
    </a>
  )
  return (
    <>
      <section className="card" aria-labelledby="review-what-heading">
        <h2 id="review-what-heading">What you submit</h2>
        <DefinitionList
          facts={[
            { term: 'Title', details: facts.title },
            { term: 'Supplier', details: facts.supplier },
            { term: 'Established in', details: facts.supplierCountry ?? '—' },
            facts.originCountry ? { term: 'Origin of the goods', details: facts.originCountry } : null,
            { term: 'Category', details: facts.category },
            { term: 'Reason', details: facts.reason },
            { term: 'Amount', details: facts.amount },
            assessment.ok ? { term: 'In CHF', details: assessment.amountChf } : null,
            assessment.ok && assessment.rate ? { term: 'Exchange rate', details: assessment.rate } : null,
          ]}
        />
      </section>
      {facts.alternativeSuppliers.length > 0 ? (
        <section className="card" aria-labelledby="review-alternatives-heading">
          <h2 id="review-alternatives-heading">Suppliers in very poorly balanced countries</h2>
          <p>
            {facts.supplierCountry} is well balanced. Registered suppliers in very poorly balanced countries with activity {facts.activityCode}:
          </p>
          <ul>
            {facts.alternativeSuppliers.map((s) => (
              <li key={`${s.name}|${s.country}`}>
                {s.name} ({s.country})
              </li>
            ))}
          </ul>
          <DefinitionList facts={[{ term: 'Why none of them can deliver', details: facts.alternativeSuppliersReason ?? '—' }]} />
        </section>
      ) : null}
      {!assessment.ok ? (
        <>
          <Notice tone="error" role="alert">
            It cannot be submitted now: {assessment.message}
          </Notice>
          <div className="card row review-actions">{editLink}</div>
        </>
      ) : (
        <>
          <section className="card" aria-labelledby="review-chain-heading">
            <h2 id="review-chain-heading">Who will be asked to sign</h2>
            {assessment.signatories.length === 0 ? (
              <p>Nobody: at or below {assessment.noSignatureAtOrBelow} no signature is needed, so it is approved as soon as you submit.</p>
            ) : (
              <>
                <p>In this order, each once the one before has signed (signature policy version {assessment.policyVersion}):</p>
                <ol className="review-chain">
                  {assessment.signatories.map((step) => (
                    <li key={step.who}>
                      {step.who}
                      {step.why ? <span className="hint"> {step.why}</span> : null}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
          <section className="card" aria-labelledby="review-documents-heading">
            <h2 id="review-documents-heading">Documents you submit</h2>
            <p className="hint">Submitted with it and fixed from then on: each signature covers these exact files. Only “changes requested” lets you change them.</p>
            <DocumentList documents={assessment.documents} labelledBy="review-documents-heading" emptyText="No supporting documents are attached." />
            {assessment.quoteWarning ? (
              <Notice tone="warning" title="No quote attached">
                <p>{assessment.quoteWarning}</p>
                <p>You may still submit: procurement will see it flagged. To attach one, go back to edit.</p>
              </Notice>
            ) : null}
          </section>
          {assessment.splitPurchaseWarning ? (
            <Notice tone="warning" title="Possible split purchase or duplicate">
              <p>{assessment.splitPurchaseWarning}</p>
              <p>You may still submit: procurement will see it flagged.</p>
            </Notice>
          ) : null}
          <FilingTimeReturnPanel
            data={assessment.returnPanel.data}
            countryCode={assessment.returnPanel.countryCode}
            category={assessment.returnPanel.category}
            amountChfMinor={assessment.returnPanel.amountChfMinor}
          />
          <Form method="post" className="card row review-actions">
            <input type="hidden" name="fingerprint" value={assessment.fingerprint} />
            <input type="hidden" name="rowVersion" value={facts.rowVersion} />
            <button type="submit" name="intent" value="confirm" disabled={busy}>
              Confirm and submit
            </button>
            {editLink}
          </Form>
        </>
      )}
    </>
  )
}
