import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { requestOrigin } from '~/audit/audit.server'
import { requirePerson } from '~/auth/session.server'
import { visibleTo } from '~/justifications/visibility.server'
import { getDatabase } from '~/db/client.server'
import { decideJustification, type Decision } from '~/justifications/decide-justification.server'
import { failureStatus } from '~/justifications/failure-status'
import { DecisionFormSchema } from '~/justifications/forms'
import { statusBadge, statusLabels } from '~/justifications/labels'
import { listAwaitingMySignature, listDecidedByMe, type JustificationListItem } from '~/justifications/lists.server'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { formatDate, formatDateTime } from '~/org/describe'
import { FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction = () => [{ title: 'Awaiting my signature · SoleSource' }]

/** The decision form of one row: which justification, at which version, and the decision itself. */
const ApprovalDecisionSchema = z.object({ justificationId: z.string({ error: 'Choose a justification.' }).uuid('Choose a justification.') }).and(DecisionFormSchema)

const DONE_MESSAGES = {
  sign: (reference: string) => `You signed ${reference}.`,
  reject: (reference: string) => `You rejected ${reference}; the requester is told why.`,
  'request-changes': (reference: string) => `You sent ${reference} back to the requester for changes.`,
} as const
const REFERENCE = /^[A-Z]{2,5}-\d{4}-\d{3,8}$/

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const db = getDatabase()
  const url = new URL(request.url)
  const [awaiting, decided] = await Promise.all([listAwaitingMySignature(db, person), listDecidedByMe(db, person, { limit: 20 })])
  const done = url.searchParams.get('done')
  const reference = url.searchParams.get('ref') ?? ''
  const doneMessage = done && done in DONE_MESSAGES && REFERENCE.test(reference) ? DONE_MESSAGES[done as keyof typeof DONE_MESSAGES](reference) : null
  return { awaiting, decided, doneMessage }
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requirePerson(request)
  const formData = await readForm(request)
  const submission = parseForm(formData, { schema: ApprovalDecisionSchema })
  const justificationId = String(formData.get('justificationId') ?? '')
  if (submission.status !== 'success') return data({ justificationId, result: submission.reply(), failure: null }, { status: 400 })
  const { intent, rowVersion } = submission.value
  // Acting needs seeing: for a justification this person may not see, the same answer as for none.
  const visible = await getDatabase().justification.findFirst({ where: { AND: [{ id: submission.value.justificationId }, visibleTo(person)] }, select: { id: true } })
  if (!visible) throw new Response('This justification does not exist, or you may not see it.', { status: 404, statusText: 'Not Found' })
  const decision: Decision =
    submission.value.intent === 'sign'
      ? { kind: 'sign', comment: submission.value.comment }
      : submission.value.intent === 'reject'
        ? { kind: 'reject', reason: submission.value.comment }
        : { kind: 'request-changes', comment: submission.value.comment }
  const outcome = await decideJustification(getDatabase(), {
    id: submission.value.justificationId,
    rowVersion,
    actor: { id: person.id, origin: requestOrigin(request), via: 'app' },
    decision,
    now: new Date(),
  })
  if (!outcome.ok) {
    return data(
      { justificationId, result: submission.reply({ formErrors: [outcome.message] }), failure: { kind: outcome.kind, message: outcome.message } },
      { status: failureStatus(outcome) },
    )
  }
  return redirect(`/approvals?${new URLSearchParams({ done: intent, ref: outcome.reference })}`)
}

export default function ApprovalsPage() {
  const { awaiting, decided, doneMessage } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failedReference = actionData?.failure ? awaiting.find((item) => item.id === actionData.justificationId)?.reference : undefined
  return (
    <>
      <h1 id="awaiting-heading">Awaiting my signature</h1>
      {doneMessage && !actionData ? (
        <p className="notice ok" role="status">
          {doneMessage}
        </p>
      ) : null}
      {actionData?.failure ? (
        <div className="notice danger" role="alert">
          {failedReference ? <strong>{failedReference}: </strong> : null}
          {actionData.failure.message}
        </div>
      ) : null}

      <section aria-labelledby="awaiting-heading">
        {awaiting.length === 0 ? (
          <p className="card empty">Nothing awaits your signature.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Justifications awaiting my signature, the longest-waiting first: {awaiting.length}</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort="ascending">
                  Submitted
                </th>
                <th scope="col">Justification</th>
                <th scope="col">Requester</th>
                <th scope="col" className="number">
                  Amount
                </th>
                <th scope="col">Supplier</th>
                <th scope="col">Your decision</th>
              </tr>
            </thead>
            <tbody>
              {awaiting.map((item) => (
                <tr key={item.id}>
                  <td>{item.submittedOn ? formatDate(item.submittedOn) : '—'}</td>
                  <td>
                    <a href={`/justifications/${item.id}`}>{item.reference}</a>
                    <br />
                    {item.title}
                    {item.splitPurchaseFlag ? (
                      <>
                        <br />
                        <span className="badge warn">Possible split purchase</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {item.requesterName}
                    <br />
                    <span className="hint">{item.groupCode}</span>
                  </td>
                  <td className="number">
                    {formatMoney(item.amountMinor, item.currency as Currency)}
                    {item.currency !== 'CHF' && item.amountChfMinor !== null ? (
                      <>
                        <br />
                        <span className="hint">{formatChf(item.amountChfMinor)}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {item.supplierName}
                    <br />
                    <span className="hint">{item.supplierCountryName}</span>
                  </td>
                  <td>
                    <DecisionForm item={item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="decided-heading" style={{ marginTop: '2rem' }}>
        <h2 id="decided-heading">Signed by me</h2>
        <p className="hint">Your latest decisions, including rejections and requests for changes, and where each justification stands now.</p>
        {decided.length === 0 ? (
          <p className="empty">You have not decided on any justification yet.</p>
        ) : (
          <table>
            <caption className="visually-hidden">My latest decisions, newest first</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort="descending">
                  When
                </th>
                <th scope="col">Justification</th>
                <th scope="col">My decision</th>
                <th scope="col" className="number">
                  Amount in CHF
                </th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {decided.map(({ item, decisionLabel, decidedAt, comment }) => (
                <tr key={`${item.id}-${decidedAt}`}>
                  <td>{formatDateTime(decidedAt)}</td>
                  <td>
                    <a href={`/justifications/${item.id}`}>{item.reference}</a> {item.title}
                  </td>
                  <td>
                    {decisionLabel}
                    {comment ? <span className="hint"> · “{comment}”</span> : null}
                  </td>
                  <td className="number">{item.amountChfMinor !== null ? formatChf(item.amountChfMinor) : '—'}</td>
                  <td>
                    <span className={`badge ${statusBadge[item.status]}`}>{statusLabels[item.status]}</span>
                    {item.awaitingPersonName ? <span className="hint"> · waiting on {item.awaitingPersonName}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}

function DecisionForm({ item }: { item: JustificationListItem }) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const mine = actionData?.justificationId === item.id
  const [form, fields] = useForm({
    id: `decide-${item.id}`,
    lastResult: mine ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseForm(formData, { schema: ApprovalDecisionSchema }),
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('justificationId') === item.id
  const commentErrors = fields.comment.errors
  const commentId = `${form.id}-comment`
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="justificationId" value={item.id} />
      <input type="hidden" name="rowVersion" value={item.rowVersion} />
      {mine && actionData.failure ? null : <FormErrors id={form.errorId} errors={form.errors} />}
      <div className="field">
        <label htmlFor={commentId}>
          Comment or reason<span className="visually-hidden"> for {item.reference}</span>
        </label>
        <p className="hint" id={`${commentId}-description`}>
          Required to reject or to request changes; the requester reads it.
        </p>
        <textarea
          {...getTextareaProps(fields.comment)}
          id={commentId}
          rows={2}
          aria-invalid={commentErrors?.length ? true : undefined}
          aria-describedby={[`${commentId}-description`, commentErrors?.length ? `${commentId}-error` : ''].filter(Boolean).join(' ')}
        />
        {commentErrors?.length ? (
          <p className="error" id={`${commentId}-error`}>
            {commentErrors.join(' ')}
          </p>
        ) : null}
      </div>
      <div style={{ display: 'flex', gap: '.5rem', flexWrap: 'wrap' }}>
        <button type="submit" name="intent" value="sign" disabled={busy}>
          Sign<span className="visually-hidden"> {item.reference}</span>
        </button>
        <button type="submit" name="intent" value="request-changes" className="secondary" disabled={busy}>
          Request changes<span className="visually-hidden"> to {item.reference}</span>
        </button>
        <button type="submit" name="intent" value="reject" className="danger" disabled={busy}>
          Reject<span className="visually-hidden"> {item.reference}</span>
        </button>
      </div>
    </Form>
  )
}
