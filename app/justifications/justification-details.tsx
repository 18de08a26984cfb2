import { Form } from '@remix-run/react'
import { DefinitionList } from '~/ui/definition-list'
import type { loadJustificationPage } from './page.server'
import { alternativeSuppliersFacts, amountFact, boughtFact, originFact, reasonFacts, supplierFact } from './justification-facts'

// The sections of a justification's page below its header: details, signatures, timeline, and the requester's buttons.

export type JustificationPageData = NonNullable<Awaited<ReturnType<typeof loadJustificationPage>>>
type ChainStep = JustificationPageData['chain'][number]

/** Steps not yet reached, skipped or superseded carry the plain badge. */
const stepBadge: Partial<Record<ChainStep['status'], string>> = { done: 'ok', pending: 'warn', rejected: 'danger' }

export function JustificationFacts({ page }: { page: JustificationPageData }) {
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <DefinitionList
        facts={[
          { term: 'Requester', details: page.requester },
          { term: 'Group', details: `${page.group} (${page.department})` },
          supplierFact(page),
          originFact(page),
          { term: 'Category', details: page.category },
          amountFact(page),
          page.policyVersion ? { term: 'Signature policy', details: `version ${page.policyVersion}` } : null,
          page.submittedAt ? { term: 'Submitted', details: <time dateTime={page.submittedAtIso ?? undefined}>{page.submittedAt}</time> } : null,
          boughtFact(page),
          ...reasonFacts(page),
          ...alternativeSuppliersFacts(page),
          page.marketSurveyReference ? { term: 'Market survey', details: page.marketSurveyReference } : null,
        ]}
      />
    </section>
  )
}

export function SignatureChain({ page }: { page: Pick<JustificationPageData, 'chain' | 'status'> }) {
  return (
    <section className="card" aria-labelledby="chain-heading">
      <h2 id="chain-heading">Signatures</h2>
      {page.chain.length === 0 ? (
        <p className="empty">{page.status === 'DRAFT' ? 'Decided when the justification is submitted.' : 'No signature is needed at this amount.'}</p>
      ) : (
        <ol className="chain">
          {page.chain.map((step) => (
            <li key={step.index}>
              <strong>{step.label}</strong>: {step.signatory} <span className={`badge ${stepBadge[step.status] ?? ''}`}>{step.statusLabel}</span>
              {step.decidedAt ? (
                <span className="hint">
                  {' '}
                  <time dateTime={step.decidedAtIso ?? undefined}>{step.decidedAt}</time>
                </span>
              ) : null}
              {step.comment ? <span> “{step.comment}”</span> : null}
              <p className="hint">{step.why}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export function Timeline({ events }: { events: JustificationPageData['timeline'] }) {
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id}>
            <strong>{event.label}</strong> by {event.actor}, <time dateTime={event.atIso}>{event.at}</time>
            {event.details ? <p className="hint">{event.details}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The requester's buttons: edit, submit (or resubmit after changes were asked) and withdraw, as the page allows. */
export function RequesterActions({ page, busy }: { page: Pick<JustificationPageData, 'id' | 'can' | 'rowVersion' | 'status'>; busy: boolean }) {
  if (!page.can.edit && !page.can.submit && !page.can.withdraw) return null
  return (
    <div className="card row" style={{ alignItems: 'center' }}>
      {page.can.edit ? (
        <a className="button secondary" href={`/justifications/${page.id}/edit`}>
          Edit
        </a>
      ) : null}
      {page.can.submit ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="rowVersion" value={page.rowVersion} />
          <button type="submit" name="intent" value="submit" disabled={busy}>
            {page.status === 'CHANGES_REQUESTED' ? 'Resubmit for signature' : 'Submit for signature'}
          </button>
        </Form>
      ) : null}
      {page.can.withdraw ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="rowVersion" value={page.rowVersion} />
          <button type="submit" name="intent" value="withdraw" className="danger" disabled={busy}>
            Withdraw
          </button>
        </Form>
      ) : null}
    </div>
  )
}
