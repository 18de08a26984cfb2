import { redirect } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import { requestOrigin } from '~/audit/audit.server'
import type { SignedInPerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'
import { message } from '~/i18n/message'
import { flashHeaders } from '~/ui/flash.server'
import { parseForm } from '~/ui/parse-form'
import { createJustification } from './create-justification.server'
import { editJustification } from './edit-justification.server'
import { justificationFormSchema } from './justification-form-schema'
import { loadFilingTimeReturn } from '~/industrial-return/views/filing-time.server'
import { loadRegisterForFiling } from '~/industrial-return/suppliers/load-register-for-filing.server'
import { suggestAlternativeSuppliers, suggestionBandsOf } from '~/industrial-return/suppliers/supplier-suggestions'
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
  const db = getDatabase()
  const now = new Date()
  // The supplier suggestions the form showed, computed here from the same register and bands: without
  // JavaScript, this is where a missing reason is first caught (ADR 044).
  const filingTimeReturn = await loadFilingTimeReturn(db, now)
  const register = await loadRegisterForFiling(db, filingTimeReturn)
  const bands = suggestionBandsOf(filingTimeReturn)
  const schema = justificationFormSchema((filing) => suggestAlternativeSuppliers(filing, bands, register.candidates))
  const submission = parseForm(formData, { schema })
  if (submission.status !== 'success') return { result: submission.reply() }
  const { intent, ...fields } = submission.value
  const actor = { id: person.id, origin: requestOrigin(request) }
  const rowVersion = Number(formData.get('rowVersion'))
  const saved = id
    ? await editJustification(db, { id, rowVersion, fields, actor, now })
    : await createJustification(db, { fields, actor, now })
  if (!saved.ok) return { result: submission.reply(failureReply(saved)) }
  if (intent !== 'submit') return redirectWithNotice(saved.id, message('justifications:page.savedDraft'))
  // Submit saves the draft, then shows what submitting will do; only the review's confirmation submits.
  return redirect(`/justifications/${saved.id}/review`)
}

export function failureReply(failure: TransitionFailure) {
  return failure.kind === 'INVALID' ? { fieldErrors: failure.fieldErrors, formErrors: Object.keys(failure.fieldErrors).length ? [] : [failure.message] } : { formErrors: [failure.message] }
}
