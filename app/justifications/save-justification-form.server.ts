import { redirect } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import { requestOrigin } from '~/audit/audit.server'
import type { SignedInPerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'
import { flashHeaders } from '~/ui/flash.server'
import { parseForm } from '~/ui/parse-form'
import { createJustification } from './create-justification.server'
import { editJustification } from './edit-justification.server'
import { JustificationFormSchema } from './justification-form-schema'
import type { TransitionFailure } from './transition.server'

export type FormActionResult = { result: SubmissionResult<string[]> }

async function redirectWithNotice(id: string, notice: string) {
  return redirect(`/justifications/${id}`, { headers: await flashHeaders(notice) })
}

/**
 * The filing form's action, for a new justification (id null) or an edit: validates and saves, and
 * with intent "submit" goes on to the review page (GET /justifications/:id/review), whose
 * confirmation submits (docs/decisions/022-review-before-submitting.md). An invalid form stores
 * nothing and comes back with field messages.
 */
export async function saveJustificationForm(request: Request, person: SignedInPerson, id: string | null): Promise<Response | FormActionResult> {
  const formData = await readForm(request)
  const submission = parseForm(formData, { schema: JustificationFormSchema })
  if (submission.status !== 'success') return { result: submission.reply() }
  const { intent, ...fields } = submission.value
  const db = getDatabase()
  const actor = { id: person.id, origin: requestOrigin(request) }
  const now = new Date()
  const rowVersion = Number(formData.get('rowVersion'))
  const saved = id
    ? await editJustification(db, { id, rowVersion, fields, actor, now })
    : await createJustification(db, { fields, actor, now })
  if (!saved.ok) return { result: submission.reply(failureReply(saved)) }
  if (intent !== 'submit') return redirectWithNotice(saved.id, 'Saved as a draft. Nothing is sent until you submit it.')
  // Submit saves the draft, then shows what submitting will do; only the review's confirmation submits.
  return redirect(`/justifications/${saved.id}/review`)
}

export function failureReply(failure: TransitionFailure) {
  return failure.kind === 'INVALID' ? { fieldErrors: failure.fieldErrors, formErrors: Object.keys(failure.fieldErrors).length ? [] : [failure.message] } : { formErrors: [failure.message] }
}
