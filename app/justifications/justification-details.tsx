import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '~/i18n/country-names'
import { formatRate } from '~/money/format-rate'
import { useFormats } from '~/i18n/use-formats'
import { DefinitionList, type Fact } from '~/ui/definition-list'
import { explanationText } from '~/workflow/explanation'
import { stepLabelText } from '~/workflow/signatory-role-labels'
import type { loadJustificationPage } from './page.server'
import { isTimelineEvent } from './timeline-events'

// The sections of a justification's page below its header: details, signatures, timeline, and the requester's buttons.

export type JustificationPageData = NonNullable<Awaited<ReturnType<typeof loadJustificationPage>>>
type ChainStep = JustificationPageData['chain'][number]

/** Steps not yet reached, skipped or superseded carry the plain badge. */
const stepBadge: Partial<Record<ChainStep['status'], string>> = { done: 'ok', pending: 'warn', rejected: 'danger' }

export function JustificationFacts({ page }: { page: JustificationPageData }) {
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  const country = (code: string | null, stored: string | null) => (code && stored ? countryName(code, stored, formats.language) : stored)
  const amount = formats.money(page.amountMinor, page.currency)
  const amountChf = page.amountChfMinor !== null ? formats.chf(page.amountChfMinor) : null
  const rate = page.exchangeRate
    ? t('details.rate', { rate: formatRate(page.exchangeRate, formats.language), currency: page.currency, date: page.exchangeRateDateIso ? formats.date(page.exchangeRateDateIso) : '—' })
    : null
  const alternatives: Fact[] = page.alternativeSuppliers
    ? [
        { term: t('review.alternativesHeading'), details: page.alternativeSuppliers.suppliers.join(', ') },
        { term: t('review.whyNoneCanDeliver'), details: page.alternativeSuppliers.reason ?? '—', preWrap: true },
      ]
    : []
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('details.heading')}</h2>
      <DefinitionList
        facts={[
          { term: t('details.requester'), details: page.requester },
          { term: t('details.group'), details: `${page.group} (${page.department})` },
          { term: t('details.supplier'), details: t('details.supplierEstablishedIn', { name: page.supplier, country: country(page.supplierCountryCode, page.supplierCountry) }) },
          page.originCountry ? { term: t('details.origin'), details: country(page.originCountryCode, page.originCountry) } : null,
          { term: t('details.category'), details: t(`category.${page.categoryCode}`) },
          { term: t('details.amount'), details: `${amount}${amountChf && rate ? ` = ${amountChf} (${rate})` : ''}` },
          page.policyVersion ? { term: t('details.policy'), details: t('details.policyVersion', { version: page.policyVersion }) } : null,
          page.submittedAtIso ? { term: t('details.submitted'), details: <time dateTime={page.submittedAtIso}>{formats.dateTime(page.submittedAtIso)}</time> } : null,
          { term: t('details.bought'), details: page.description, preWrap: true },
          { term: t('details.whySingleSource'), details: t(`reason.${page.reasonCode}`) },
          { term: t('details.justification'), details: page.reasonText, preWrap: true },
          ...alternatives,
          page.marketSurveyReference ? { term: t('details.marketSurvey'), details: page.marketSurveyReference } : null,
        ]}
      />
    </section>
  )
}

export function SignatureChain({ page }: { page: Pick<JustificationPageData, 'chain' | 'status'> }) {
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  return (
    <section className="card" aria-labelledby="chain-heading">
      <h2 id="chain-heading">{t('chain.heading')}</h2>
      {page.chain.length === 0 ? (
        <p className="empty">{page.status === 'DRAFT' ? t('chain.decidedOnSubmission') : t('chain.noneNeeded')}</p>
      ) : (
        <ol className="chain">
          {page.chain.map((step) => (
            <li key={step.index}>
              <strong>{stepLabelText(t, step)}</strong>: {step.signatory} <span className={`badge ${stepBadge[step.status] ?? ''}`}>{t(`stepStatus.${step.status}`)}</span>
              {step.decidedAtIso ? (
                <span className="hint">
                  {' '}
                  <time dateTime={step.decidedAtIso}>{formats.dateTime(step.decidedAtIso)}</time>
                </span>
              ) : null}
              {step.comment ? <span> “{step.comment}”</span> : null}
              {/* Why this person: the workflow's messages, or an older snapshot's English sentence as written. */}
              <p className="hint">{explanationText(t, step.why)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export function Timeline({ events }: { events: JustificationPageData['timeline'] }) {
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.heading')}</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id}>
            <strong>{isTimelineEvent(event.type) ? t(`timeline.event.${event.type}`) : event.label}</strong> {t('timeline.by', { actor: event.actor })},{' '}
            <time dateTime={event.atIso}>{formats.dateTime(event.atIso)}</time>
            {event.details ? <p className="hint">{explanationText(t, event.details)}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The requester's buttons: edit, submit (or resubmit after changes were asked) and withdraw, as the page allows. */
export function RequesterActions({ page, busy }: { page: Pick<JustificationPageData, 'id' | 'can' | 'rowVersion' | 'status'>; busy: boolean }) {
  const { t } = useTranslation('justifications')
  if (!page.can.edit && !page.can.submit && !page.can.withdraw) return null
  return (
    <div className="card row" style={{ alignItems: 'center' }}>
      {page.can.edit ? (
        <a className="button secondary" href={`/justifications/${page.id}/edit`}>
          {t('page.edit')}
        </a>
      ) : null}
      {page.can.submit ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="rowVersion" value={page.rowVersion} />
          <button type="submit" name="intent" value="submit" disabled={busy}>
            {page.status === 'CHANGES_REQUESTED' ? t('form.resubmit') : t('form.submit')}
          </button>
        </Form>
      ) : null}
      {page.can.withdraw ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="rowVersion" value={page.rowVersion} />
          <button type="submit" name="intent" value="withdraw" className="danger" disabled={busy}>
            {t('page.withdraw')}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
