import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
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
import { loadSignatureLines } from '~/justifications/record/signatures.server'
import { refuseJustification } from '~/justifications/refuse-justification.server'
import { noSuchJustification, notAllowedToSeeJustification } from '~/justifications/justification-refusals'
import { readFlash } from '~/ui/flash.server'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'
import { useFormats } from '~/i18n/use-formats'
import { translateList } from '~/industrial-return/ledger/message-list'
import { stepLabelText, stepNameText } from '~/workflow/signatory-role-labels'

// The decision form speaks the sign-off messages (the same form as on a sign-off link's page).
export const handle: RouteHandle = {
  i18n: ['justifications', 'signoff'],
  title: (t, data: { page?: { reference: string } } | undefined) => data?.page?.reference ?? t('justifications:page.title'),
}

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

// `details`: the fields' own messages of a refused submission, each translated and said after the error.
type ActionData = { error: string; details?: string[]; fieldErrors?: Record<string, string[]> } | { done: string }

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
    if (submission.status !== 'success') return refused(400, { error: message('justifications:page.incomplete') })
    const { rowVersion } = submission.value
    const result =
      submission.value.intent === 'submit'
        ? await submitJustification(db, { id: params.id, rowVersion, actor, now })
        : await withdrawJustification(db, { id: params.id, rowVersion, actor, reason: submission.value.comment, now })
    if (!result.ok) return refused(failureStatus(result), { error: result.message, details: Object.values(result.kind === 'INVALID' ? result.fieldErrors : {}).flat() })
    return data<ActionData>({
      done: message(intent === 'submit' ? (result.status === 'APPROVED' ? 'justifications:page.done.approved' : 'justifications:page.done.submitted') : 'justifications:page.done.withdrawn'),
    })
  }

  const submission = parseForm(formData, { schema: DecisionFormSchema })
  if (submission.status !== 'success') {
    return refused(400, { error: message('justifications:page.completeForm'), fieldErrors: Object.fromEntries(Object.entries(submission.error ?? {}).map(([k, v]) => [k, v ?? []])) })
  }
  const value = submission.value
  const decision = toDecision(value)
  const result = await decideJustification(db, { id: params.id, rowVersion: value.rowVersion, actor, decision, now })
  if (!result.ok) return refused(failureStatus(result), { error: result.message })
  return data<ActionData>({
    done: message(value.intent === 'sign' ? 'justifications:page.done.signed' : value.intent === 'reject' ? 'justifications:page.done.rejected' : 'justifications:page.done.returned'),
  })
}

export default function JustificationPage() {
  const { page, signatures, documents, discussion, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  // The action's notices are messages (or a use case's own sentence, shown as it is).
  const translated = (text: string) => translateMessage(t, text)
  const busy = navigation.state === 'submitting'
  const draftPreviewText = (preview: NonNullable<typeof page.draftPreview>) =>
    !preview.signatures
      ? translated(translateList(t, preview.text ?? '', ' '))
      : preview.signatures.tiers.length
        ? t('page.draftNeedsSignatures', { chf: formats.chf(preview.signatures.chfMinor), tiers: preview.signatures.tiers.map((tier) => stepNameText(t, tier)).join(t('form.then')) })
        : t('page.draftNeedsNoSignature', { chf: formats.chf(preview.signatures.chfMinor), threshold: formats.chf(preview.signatures.noSignatureAtOrBelowMinor) })
  const commentErrors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors?.comment : undefined
  return (
    <>
      <PageHeader
        back={
          <a href="/justifications" className="screen-only">
            {t('page.back')}
          </a>
        }
        title={`${page.reference}: ${page.title}`}
        lead={
          <>
            <span className={`badge ${statusBadge[page.status]}`}>{t(`status.${page.status}`)}</span>
            {page.splitPurchaseFlag ? <span className="badge warn"> {t('page.possibleSplit')}</span> : null}
            {page.approvedWithoutSignature ? <span className="hint"> {t('page.noSignatureNeeded')}</span> : null}
          </>
        }
        actions={
          <a href={`/justifications/${page.id}.pdf`} className="screen-only" download>
            {t('page.downloadPdf')}
          </a>
        }
      />
      {actionData && 'done' in actionData ? (
        <Notice tone="success" role="status">
          {translated(actionData.done)}
        </Notice>
      ) : notice ? (
        <Notice role="status">{translated(notice)}</Notice>
      ) : null}
      {actionData && 'error' in actionData ? (
        <Notice tone="error" role="alert">
          {[actionData.error, ...(actionData.details ?? [])].map(translated).join(' ')}
        </Notice>
      ) : null}

      {page.can.decide ? (
        <section className="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t('page.yourDecisionAs', { step: page.currentStep ? stepNameText(t, page.currentStep) : '' })}</h2>
          <DecisionForm rowVersion={page.rowVersion} commentErrors={commentErrors} />
        </section>
      ) : null}

      {page.unreadable ? (
        <Notice tone="error" role="alert">
          {translated(page.unreadable)}
        </Notice>
      ) : null}
      {page.draftPreview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('page.beforeSubmit')}</h2>
          <p>{draftPreviewText(page.draftPreview)}</p>
          {page.draftPreview.splitPurchaseWarning ? <Notice tone="error">{t('form.possibleSplit', { warning: translated(page.draftPreview.splitPurchaseWarning) })}</Notice> : null}
          {page.draftPreview.quoteWarning ? <Notice tone="warning">{translated(page.draftPreview.quoteWarning)}</Notice> : null}
        </section>
      ) : null}

      <RequesterActions page={page} busy={busy} />
      <div className="screen-only">
        <SignatureChain page={page} />
      </div>
      <JustificationFacts page={page} />
      <DocumentsSection justificationId={page.id} documents={documents} editable={page.can.edit} />
      <SignatureBlock
        // The lines follow the chain, step by step: their decisions and dates in the reader's language.
        lines={signatures.map((line, index) => {
          const step = page.chain[index]
          return step ? { ...line, role: stepLabelText(t, step), outcome: t(`stepStatus.${step.status}`), at: step.decidedAtIso ? formats.dateTime(step.decidedAtIso) : line.at } : line
        })}
        emptyText={page.approvedWithoutSignature ? t('page.noSignatureNeeded') : page.status === 'DRAFT' ? t('chain.decidedOnSubmission') : t('signatureBlock.noneAsked')}
      />
      <DiscussionSection {...discussion} form={actionData && 'discussion' in actionData ? actionData.discussion : undefined} />
      <Timeline events={page.timeline} />
    </>
  )
}
