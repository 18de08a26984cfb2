import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { message, translateMessage } from '~/i18n/message'
import { requestOrigin } from '~/audit/audit.server'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'
import { failureStatus } from '~/justifications/failure-status'
import { refuseJustification } from '~/justifications/refuse-justification.server'
import { notAllowedToEditJustification } from '~/justifications/justification-refusals'
import { ReviewConfirmationSchema } from '~/justifications/justification-form-schema'
import { loadSubmissionReview } from '~/justifications/load-submission-review.server'
import { SubmissionReview } from '~/justifications/submission-review'
import { submitJustification } from '~/justifications/submit-justification.server'
import { flashHeaders } from '~/ui/flash.server'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import type { RouteHandle } from '~/i18n/route-handle'

// The filing-time panel speaks in the industrial-return messages: the browser loads them before
// hydrating, or it would render their keys where the server wrote sentences.
export const handle: RouteHandle = {
  i18n: ['justifications', 'industrial-return'],
  title: (t, data: { facts?: { reference: string } } | undefined) => t('justifications:review.title', { reference: data?.facts?.reference ?? t('justifications:page.title') }),
}

/** The requester's own draft (or one sent back for changes), and what submitting it now would do. */
async function loadReview(request: Request, id: string | undefined) {
  const person = await requirePerson(request)
  const review = await loadSubmissionReview(getDatabase(), person, id, new Date())
  if (review.outcome === 'NOT_FOUND') throw await refuseJustification(getDatabase(), request, id, notAllowedToEditJustification)
  if (review.outcome === 'NOT_EDITABLE') throw redirect(`/justifications/${id}`)
  return { person, review }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = await loadReview(request, params.id)
  return review
}

type ActionData = { error: string }

// A refused confirmation (409: what the review showed has changed) must show the review as it
// stands now, with its new fingerprint: reload the review after every confirmation, refused or not.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => formMethod === 'POST' || defaultShouldRevalidate

/**
 * "Confirm and submit": submits only what the review showed. If anything it showed has changed
 * since (the fingerprint differs, or the row's version), nothing is submitted and the page shows the
 * review again, as it stands now, with a notice (docs/decisions/022-review-before-submitting.md).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { person, review } = await loadReview(request, params.id)
  const submission = parseForm(await readForm(request), { schema: ReviewConfirmationSchema })
  if (submission.status !== 'success') return data<ActionData>({ error: message('justifications:review.incomplete') }, { status: 400 })
  const { fingerprint, rowVersion } = submission.value
  const result = await submitJustification(getDatabase(), {
    id: review.facts.id,
    rowVersion,
    reviewedFingerprint: fingerprint,
    actor: { id: person.id, origin: requestOrigin(request) },
    now: new Date(),
  })
  if (!result.ok) return data<ActionData>({ error: result.message }, { status: failureStatus(result) })
  const notice = message(result.status === 'APPROVED' ? 'justifications:review.submittedApproved' : 'justifications:page.done.submitted')
  return redirect(`/justifications/${result.id}`, { headers: await flashHeaders(notice) })
}

export default function ReviewSubmissionPage() {
  const { facts, assessment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('justifications')
  return (
    <>
      <PageHeader
        back={<a href={`/justifications/${facts.id}`}>← {facts.reference}</a>}
        title={t('review.heading', { reference: facts.reference })}
        lead={t('review.lead')}
      />
      {actionData ? (
        <Notice tone="error" role="alert">
          {t('review.notSubmitted', { error: translateMessage(t as unknown as TFunction, actionData.error) })}
        </Notice>
      ) : null}
      <SubmissionReview facts={facts} assessment={assessment} busy={navigation.state === 'submitting'} />
    </>
  )
}
