import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requirePerson } from '~/auth/session.server'
import { DocumentsSection } from '~/attachments/documents-section'
import { listCurrentAttachments } from '~/attachments/list-attachments.server'
import { getDatabase } from '~/db/client.server'
import { commentOnJustification } from '~/discussion/comment-actions.server'
import { DiscussionSection } from '~/discussion/discussion-section'
import { loadDiscussion } from '~/discussion/load-discussion.server'
import { decideJustification } from '~/justifications/decide-justification.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import { withdrawJustification } from '~/justifications/withdraw-justification.server'
import { DecisionFormSchema, RequesterActionSchema, toDecision } from '~/justifications/justification-form-schema'
import { DecisionForm } from '~/justifications/decision-form'
import { failureStatus } from '~/justifications/failure-status'
import { JustificationFacts, RequesterActions, SignatureChain, Timeline } from '~/justifications/justification-details'
import { statusBadge } from '~/justifications/labels'
import { loadJustificationPage } from '~/justifications/page.server'
import { SignatureBlock } from '~/justifications/record/signature-block'
import { noSignatureText } from '~/justifications/record/signature-line'
import { loadSignatureLines } from '~/justifications/record/signatures.server'
import { refuseJustification } from '~/justifications/refuse-justification.server'
import { noSuchJustification, notAllowedToSeeJustification } from '~/justifications/justification-refusals'
import { readFlash } from '~/ui/flash.server'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'
import type { RouteHandle } from '~/i18n/route-handle'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.reference ?? 'Justification'} · SoleSource` }]

// The decision form speaks the sign-off messages (the same form as on a sign-off link's page).
export const handle: RouteHandle = { i18n: ['signoff'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  if (!params.id || !UUID.test(params.id)) throw noSuchJustification(request)
  const db = getDatabase()
  const page = await loadJustificationPage(db, person, params.id, new Date())
  if (!page) throw await refuseJustification(db, request, params.id, notAllowedToSeeJustification)
  const signatures = await loadSignatureLines(db, page)
  const discussion = await loadDiscussion(db, page.id)
  const documents = await listCurrentAttachments(db, page.id)
  const flash = await readFlash(request)
  return data({ page, signatures, documents, discussion, notice: flash.message }, { headers: flash.headers })
}

type ActionData = { error: string; fieldErrors?: Record<string, string[]> } | { done: string }

/** A refusal answers with its status (400, 403, 409) and the message the page shows. */
const refused = (status: number, body: ActionData) => data(body, { status })

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requirePerson(request)
  if (!params.id || !UUID.test(params.id)) throw noSuchJustification(request)
  const db = getDatabase()
  // Acting needs seeing: a person who may not see it gets the same answer as on opening it.
  const page = await loadJustificationPage(db, person, params.id, new Date())
  if (!page) throw await refuseJustification(db, request, params.id, notAllowedToSeeJustification)
  const formData = await readForm(request)
  if (formData.get('intent') === 'comment') return commentOnJustification(db, { request, person, justificationId: params.id, formData })
  // The requester's Submit shows what submitting will do first; its review page confirms (ADR 022).
  if (formData.get('intent') === 'submit' && page.can.submit) return redirect(`/justifications/${params.id}/review`)
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
  const { page, signatures, documents, discussion, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const commentErrors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors?.comment : undefined
  return (
    <>
      <PageHeader
        back={
          <a href="/justifications" className="screen-only">
            ← My justifications
          </a>
        }
        title={`${page.reference}: ${page.title}`}
        lead={
          <>
            <span className={`badge ${statusBadge[page.status]}`}>{page.statusLabel}</span>
            {page.splitPurchaseFlag ? <span className="badge warn"> Possible split purchase</span> : null}
            {page.approvedWithoutSignature ? <span className="hint"> No signature was needed at this amount.</span> : null}
          </>
        }
        actions={
          <a href={`/justifications/${page.id}.pdf`} className="screen-only" download>
            Download PDF
          </a>
        }
      />
      {actionData && 'done' in actionData ? (
        <Notice tone="success" role="status">
          {actionData.done}
        </Notice>
      ) : notice ? (
        <Notice role="status">{notice}</Notice>
      ) : null}
      {actionData && 'error' in actionData ? (
        <Notice tone="error" role="alert">
          {actionData.error}
        </Notice>
      ) : null}

      {page.can.decide ? (
        <section className="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">Your decision as {page.currentStepLabel?.toLowerCase()}</h2>
          <DecisionForm rowVersion={page.rowVersion} commentErrors={commentErrors} />
        </section>
      ) : null}

      {page.unreadable ? (
        <Notice tone="error" role="alert">
          {page.unreadable}
        </Notice>
      ) : null}
      {page.draftPreview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Before you submit</h2>
          <p>{page.draftPreview.text}</p>
          {page.draftPreview.splitPurchaseWarning ? <Notice tone="error">Possible split purchase: {page.draftPreview.splitPurchaseWarning}</Notice> : null}
          {page.draftPreview.quoteWarning ? <Notice tone="warning">{page.draftPreview.quoteWarning}</Notice> : null}
        </section>
      ) : null}

      <RequesterActions page={page} busy={busy} />
      <div className="screen-only">
        <SignatureChain page={page} />
      </div>
      <JustificationFacts page={page} />
      <DocumentsSection justificationId={page.id} documents={documents} editable={page.can.edit} />
      <SignatureBlock lines={signatures} emptyText={noSignatureText(page)} />
      <DiscussionSection {...discussion} form={actionData && 'discussion' in actionData ? actionData.discussion : undefined} />
      <Timeline events={page.timeline} />
    </>
  )
}
