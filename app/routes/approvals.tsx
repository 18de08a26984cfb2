import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { requestOrigin } from '~/audit/audit.server'
import { requirePerson } from '~/auth/session.server'
import { visibleTo } from '~/justifications/visibility.server'
import { getDatabase } from '~/db/client.server'
import { decideJustification, type Decision } from '~/justifications/decide-justification.server'
import { failureStatus } from '~/justifications/failure-status'
import { ApprovalDecisionSchema } from '~/justifications/approval-decision-form'
import { AwaitingMySignatureTable, DecidedByMeTable } from '~/justifications/approvals-tables'
import { listAwaitingMyDecision } from '~/justifications/list-awaiting-my-decision.server'
import { listDecidedByMe } from '~/justifications/list-justifications.server'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'

export const handle: RouteHandle = { i18n: 'justifications', title: (t) => t('justifications:approvals.title') }

/** The decisions a "done" notice speaks of (approvals.done.* in the catalogue). */
const DONE_DECISIONS = ['sign', 'reject', 'request-changes'] as const
type DoneDecision = (typeof DONE_DECISIONS)[number]
const REFERENCE = /^[A-Z]{2,5}-\d{4}-\d{3,8}$/

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const db = getDatabase()
  const url = new URL(request.url)
  const [awaiting, decided] = await Promise.all([listAwaitingMyDecision(db, person), listDecidedByMe(db, person, { limit: 20 })])
  const done = url.searchParams.get('done')
  const reference = url.searchParams.get('ref') ?? ''
  const doneMessage = done && (DONE_DECISIONS as readonly string[]).includes(done) && REFERENCE.test(reference) ? { decision: done as DoneDecision, reference } : null
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
  // A common message: after an action's refusal the root error page hydrates with the root's namespaces only.
  if (!visible) throw new Response(message('common:requestRefusals.justificationNotFoundOrHidden'), { status: 404, statusText: 'Not Found' })
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
  const { t } = useTranslation('justifications')
  return (
    <>
      <PageHeader id="awaiting-heading" title={t('approvals.title')} />
      {doneMessage && !actionData ? (
        <Notice tone="success" role="status">
          {t(`approvals.done.${doneMessage.decision}`, { reference: doneMessage.reference })}
        </Notice>
      ) : null}
      {actionData?.failure ? (
        <Notice as="div" tone="error" role="alert">
          {failedReference ? <strong>{failedReference}: </strong> : null}
          {translateMessage(t as unknown as TFunction, actionData.failure.message)}
        </Notice>
      ) : null}

      <section aria-labelledby="awaiting-heading">
        {awaiting.length === 0 ? <p className="card empty">{t('approvals.nothing')}</p> : <AwaitingMySignatureTable items={awaiting} actionResult={actionData} />}
      </section>

      <section aria-labelledby="decided-heading" style={{ marginTop: '2rem' }}>
        <h2 id="decided-heading">{t('approvals.decidedHeading')}</h2>
        <p className="hint">{t('approvals.decidedHint')}</p>
        {decided.length === 0 ? <p className="empty">{t('approvals.noneDecided')}</p> : <DecidedByMeTable decisions={decided} />}
      </section>
    </>
  )
}
