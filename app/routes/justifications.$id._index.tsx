import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { decideJustification } from '~/justifications/decide-justification.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import { withdrawJustification } from '~/justifications/withdraw-justification.server'
import { DecisionFormSchema, RequesterActionSchema, toDecision } from '~/justifications/forms'
import { DecisionForm } from '~/justifications/decision-form'
import { failureStatus } from '~/justifications/failure-status'
import { statusBadge } from '~/justifications/labels'
import { loadJustificationPage } from '~/justifications/page.server'
import { readFlash } from '~/ui/flash.server'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.reference ?? 'Justification'} · SoleSource` }]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const notFound = () => new Response('This justification does not exist, or you may not see it.', { status: 404, statusText: 'Not Found' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  if (!params.id || !UUID.test(params.id)) throw notFound()
  const page = await loadJustificationPage(getDatabase(), person, params.id, new Date())
  if (!page) throw notFound()
  const flash = await readFlash(request)
  return data({ page, notice: flash.message }, { headers: flash.headers })
}

type ActionData = { error: string; fieldErrors?: Record<string, string[]> } | { done: string }

/** A refusal answers with its status (400, 403, 409) and the message the page shows. */
const refused = (status: number, body: ActionData) => data(body, { status })

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requirePerson(request)
  if (!params.id || !UUID.test(params.id)) throw notFound()
  const db = getDatabase()
  // Acting needs seeing: a person who may not see it gets the same answer as for a missing one.
  if (!(await loadJustificationPage(db, person, params.id, new Date()))) throw notFound()
  const formData = await readForm(request)
  const actor = { id: person.id, origin: requestOrigin(request) }
  const now = new Date()
  const intent = formData.get('intent')

  if (intent === 'submit' || intent === 'withdraw') {
    const submission = parseForm(formData, { schema: RequesterActionSchema })
    if (submission.status !== 'success') return refused(400, { error: 'The form was incomplete; reload the page and try again.' })
    const { rowVersion } = submission.value
    const result =
      submission.value.intent === 'submit'
        ? await submitJustification(db, { id: params.id, rowVersion, actor, now })
        : await withdrawJustification(db, { id: params.id, rowVersion, actor, reason: submission.value.comment, now })
    if (!result.ok) return refused(failureStatus(result), { error: [result.message, ...Object.values(result.kind === 'INVALID' ? result.fieldErrors : {}).flat()].join(' ') })
    return data<ActionData>({ done: intent === 'submit' ? (result.status === 'APPROVED' ? 'Submitted and approved: no signature is needed at this amount.' : 'Submitted: the first signatory has been asked to sign.') : 'Withdrawn.' })
  }

  const submission = parseForm(formData, { schema: DecisionFormSchema })
  if (submission.status !== 'success') {
    return refused(400, { error: 'Please complete the form.', fieldErrors: Object.fromEntries(Object.entries(submission.error ?? {}).map(([k, v]) => [k, v ?? []])) })
  }
  const value = submission.value
  const decision = toDecision(value)
  const result = await decideJustification(db, { id: params.id, rowVersion: value.rowVersion, actor, decision, now })
  if (!result.ok) return refused(failureStatus(result), { error: result.message })
  return data<ActionData>({ done: value.intent === 'sign' ? 'Signed. Thank you.' : value.intent === 'reject' ? 'Rejected. The requester has been told why.' : 'Sent back to the requester for changes.' })
}

export default function JustificationPage() {
  const { page, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const commentErrors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors?.comment : undefined
  return (
    <>
      <p>
        <a href="/justifications">← My justifications</a>
      </p>
      <h1>
        {page.reference}: {page.title}
      </h1>
      <p>
        <span className={`badge ${statusBadge[page.status]}`}>{page.statusLabel}</span>
        {page.splitPurchaseFlag ? <span className="badge warn"> Possible split purchase</span> : null}
        {page.approvedWithoutSignature ? <span className="hint"> No signature was needed at this amount.</span> : null}
      </p>
      {actionData && 'done' in actionData ? (
        <p className="notice ok" role="status">
          {actionData.done}
        </p>
      ) : notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {actionData && 'error' in actionData ? (
        <p className="notice danger" role="alert">
          {actionData.error}
        </p>
      ) : null}

      {page.can.decide ? (
        <section className="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">Your decision as {page.currentStepLabel?.toLowerCase()}</h2>
          <DecisionForm rowVersion={page.rowVersion} commentErrors={commentErrors} />
        </section>
      ) : null}

      {page.unreadable ? (
        <p className="notice danger" role="alert">
          {page.unreadable}
        </p>
      ) : null}
      {page.draftPreview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Before you submit</h2>
          <p>{page.draftPreview.text}</p>
          {page.draftPreview.splitPurchaseWarning ? <p className="notice danger">Possible split purchase: {page.draftPreview.splitPurchaseWarning}</p> : null}
        </section>
      ) : null}

      {page.can.edit || page.can.submit || page.can.withdraw ? (
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
      ) : null}

      <section className="card" aria-labelledby="chain-heading">
        <h2 id="chain-heading">Signatures</h2>
        {page.chain.length === 0 ? (
          <p className="empty">{page.status === 'DRAFT' ? 'Decided when the justification is submitted.' : 'No signature is needed at this amount.'}</p>
        ) : (
          <ol className="chain">
            {page.chain.map((step) => (
              <li key={step.index}>
                <strong>{step.label}</strong>: {step.signatory} <span className={`badge ${step.status === 'done' ? 'ok' : step.status === 'pending' ? 'warn' : step.status === 'rejected' ? 'danger' : ''}`}>{step.statusLabel}</span>
                {step.decidedAt ? <span className="hint"> {step.decidedAt}</span> : null}
                {step.comment ? <span> “{step.comment}”</span> : null}
                <p className="hint">{step.why}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="facts">
          <dt>Requester</dt>
          <dd>{page.requester}</dd>
          <dt>Group</dt>
          <dd>
            {page.group} ({page.department})
          </dd>
          <dt>Supplier</dt>
          <dd>
            {page.supplier}, established in {page.supplierCountry}
          </dd>
          {page.originCountry ? (
            <>
              <dt>Origin of the goods</dt>
              <dd>{page.originCountry}</dd>
            </>
          ) : null}
          <dt>Category</dt>
          <dd>{page.category}</dd>
          <dt>Amount</dt>
          <dd>
            {page.amount}
            {page.amountChf && page.rate ? ` = ${page.amountChf} (${page.rate})` : null}
          </dd>
          {page.policyVersion ? (
            <>
              <dt>Signature policy</dt>
              <dd>version {page.policyVersion}</dd>
            </>
          ) : null}
          {page.submittedAt ? (
            <>
              <dt>Submitted</dt>
              <dd>{page.submittedAt}</dd>
            </>
          ) : null}
          <dt>What is bought</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{page.description}</dd>
          <dt>Why a single source</dt>
          <dd>{page.reason}</dd>
          <dt>Justification</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{page.reasonText}</dd>
          {page.marketSurveyReference ? (
            <>
              <dt>Market survey</dt>
              <dd>{page.marketSurveyReference}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="timeline">
          {page.timeline.map((event) => (
            <li key={event.id}>
              <strong>{event.label}</strong> by {event.actor}, {event.at}
              {event.details ? <p className="hint">{event.details}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
