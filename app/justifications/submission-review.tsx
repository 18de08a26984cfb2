import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { explanationText } from '~/workflow/explanation'
import { useFormats } from '~/i18n/use-formats'
import type { Currency } from '~/money/currency'
import { formatRate } from '~/money/format-rate'
import { DocumentList, type ListedDocument } from '~/attachments/document-list'
import { FilingTimeReturnPanel } from '~/industrial-return/views/filing-time-panel'
import type { FilingTimeReturn } from '~/industrial-return/views/filing-time'
import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'
import { translateList } from '~/industrial-return/ledger/message-list'

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
  /** The category's and the reason's codes, for the page to name them in its reader's language. */
  categoryCode?: 'SUPPLIES' | 'SERVICES'
  reasonCode?: 'EXCLUSIVE_RIGHTS' | 'COMPATIBILITY' | 'ONLY_QUALIFIED_SUPPLIER' | 'URGENCY' | 'FOLLOW_ON' | 'OTHER'
  reason: string
  amount: string
  /** The amount as figures (the page writes it in its reader's language); `amount` is the same in English. */
  amountMinor?: number
  currency?: Currency
  activityCode: string | null
  alternativeSuppliers: { name: string; country: string }[]
  alternativeSuppliersReason: string | null
}

export type ReviewAssessment =
  | { ok: false; message: string }
  | {
      ok: true
      amountChf: string
      amountChfMinor?: number
      rate: string | null
      rateParts?: { rate: string; currency: string; validFromIso: string } | null
      policyVersion: number
      signatories: { who: string; why: string | null }[]
      noSignatureAtOrBelow: string | null
      noSignatureAtOrBelowMinor?: number | null
      splitPurchaseWarning: string | null
      documents: ListedDocument[]
      quoteWarning: string | null
      returnPanel: { data: FilingTimeReturn; countryCode: string; category: 'SUPPLIES' | 'SERVICES'; amountChfMinor: number }
      fingerprint: string
    }

/** What submitting will do, then "Confirm and submit" and the way back to the form. */
export function SubmissionReview({ facts, assessment, busy }: { facts: ReviewFacts; assessment: ReviewAssessment; busy: boolean }) {
  const { t } = useTranslation('justifications')
  // The server's words are messages (the workflow's explanations, the warnings): worded here.
  const said = (text: string) => explanationText(t, text)
  const formats = useFormats()
  const amount = facts.amountMinor !== undefined && facts.currency ? formats.money(facts.amountMinor, facts.currency) : facts.amount
  const amountChf = assessment.ok ? (assessment.amountChfMinor !== undefined ? formats.chf(assessment.amountChfMinor) : assessment.amountChf) : null
  const rate = assessment.ok
    ? assessment.rateParts
      ? t('review.rate', { rate: formatRate(assessment.rateParts.rate, formats.language), currency: assessment.rateParts.currency, date: formats.date(assessment.rateParts.validFromIso) })
      : assessment.rate
    : null
  const threshold =
    assessment.ok && assessment.noSignatureAtOrBelowMinor !== undefined && assessment.noSignatureAtOrBelowMinor !== null
      ? formats.chf(assessment.noSignatureAtOrBelowMinor)
      : assessment.ok
        ? assessment.noSignatureAtOrBelow
        : null
  const editLink = (
    <a className="button secondary" href={`/justifications/${facts.id}/edit`}>
      {t('review.backToEdit')}
    </a>
  )
  return (
    <>
      <section className="card" aria-labelledby="review-what-heading">
        <h2 id="review-what-heading">{t('review.whatHeading')}</h2>
        <DefinitionList
          facts={[
            { term: t('form.title'), details: facts.title },
            { term: t('details.supplier'), details: facts.supplier },
            { term: t('review.establishedIn'), details: facts.supplierCountry ?? '—' },
            facts.originCountry ? { term: t('details.origin'), details: facts.originCountry } : null,
            { term: t('details.category'), details: facts.categoryCode ? t(`category.${facts.categoryCode}`) : facts.category },
            { term: t('form.reason'), details: facts.reasonCode ? t(`reason.${facts.reasonCode}`) : facts.reason },
            { term: t('details.amount'), details: amount },
            amountChf ? { term: t('columns.inChf'), details: amountChf } : null,
            rate ? { term: t('review.exchangeRate'), details: rate } : null,
          ]}
        />
      </section>
      {facts.alternativeSuppliers.length > 0 ? (
        <section className="card" aria-labelledby="review-alternatives-heading">
          <h2 id="review-alternatives-heading">{t('review.alternativesHeading')}</h2>
          <p>
            {t('review.alternativesLead', { country: facts.supplierCountry, activity: facts.activityCode })}
          </p>
          <ul>
            {facts.alternativeSuppliers.map((s) => (
              <li key={`${s.name}|${s.country}`}>
                {s.name} ({s.country})
              </li>
            ))}
          </ul>
          <DefinitionList facts={[{ term: t('review.whyNoneCanDeliver'), details: facts.alternativeSuppliersReason ?? '—' }]} />
        </section>
      ) : null}
      {!assessment.ok ? (
        <>
          <Notice tone="error" role="alert">
            {t('review.cannotSubmit', { message: said(translateList(t, assessment.message, ' ')) })}
          </Notice>
          <div className="card row review-actions">{editLink}</div>
        </>
      ) : (
        <>
          <section className="card" aria-labelledby="review-chain-heading">
            <h2 id="review-chain-heading">{t('review.chainHeading')}</h2>
            {assessment.signatories.length === 0 ? (
              <p>{t('review.nobody', { threshold })}</p>
            ) : (
              <>
                <p>{t('review.inThisOrder', { version: assessment.policyVersion })}</p>
                <ol className="review-chain">
                  {assessment.signatories.map((step) => (
                    <li key={step.who}>
                      {said(step.who)}
                      {step.why ? <span className="hint"> {said(step.why)}</span> : null}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
          <section className="card" aria-labelledby="review-documents-heading">
            <h2 id="review-documents-heading">{t('review.documentsHeading')}</h2>
            <p className="hint">{t('review.documentsHint')}</p>
            <DocumentList documents={assessment.documents} labelledBy="review-documents-heading" emptyText={t('review.noDocuments')} />
            {assessment.quoteWarning ? (
              <Notice tone="warning" title={t('review.noQuoteTitle')}>
                <p>{said(assessment.quoteWarning)}</p>
                <p>{t('review.noQuoteStill')}</p>
              </Notice>
            ) : null}
          </section>
          {assessment.splitPurchaseWarning ? (
            <Notice tone="warning" title={t('review.splitTitle')}>
              <p>{said(assessment.splitPurchaseWarning)}</p>
              <p>{t('review.stillSubmit')}</p>
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
              {t('review.confirm')}
            </button>
            {editLink}
          </Form>
        </>
      )}
    </>
  )
}
