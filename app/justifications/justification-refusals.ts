import { message } from '~/i18n/message'
import { pageError } from '~/ui/error-page'

// The error pages of a justification's own pages (view, edit), in words a requester understands:
// messages, translated by the error page in its reader's language.

export const noSuchJustification = (request: Request) =>
  pageError(404, { title: message('justifications:refusals.noSuchJustification.title'), message: message('justifications:refusals.noSuchJustification.message') }, request)

export const notAllowedToSeeJustification = (request: Request) =>
  pageError(403, { title: message('justifications:refusals.notAllowedToSee.title'), message: message('justifications:refusals.notAllowedToSee.message') }, request)

export const notAllowedToEditJustification = (request: Request) =>
  pageError(403, { title: message('justifications:refusals.notAllowedToEdit.title'), message: message('justifications:refusals.notAllowedToEdit.message') }, request)

/** The statuses a justification can no longer be edited in, each said in a sentence of its own (no label to lower-case mid-sentence). */
const NOT_EDITABLE = ['AWAITING_SIGNATURE', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const

/** Editing a justification past its draft: say what became of it, and link back to it. */
export function justificationNoLongerEditable(id: string, status: string) {
  const withdrawn = status === 'WITHDRAWN'
  const said = (NOT_EDITABLE as readonly string[]).includes(status)
    ? message(`justifications:refusals.noLongerEditable.message_${status}`)
    : message('justifications:refusals.noLongerEditable.message', { status: status.toLowerCase() })
  return pageError(409, {
    title: message(withdrawn ? 'justifications:refusals.noLongerEditable.titleWithdrawn' : 'justifications:refusals.noLongerEditable.titleSubmitted'),
    message: said,
    back: `/justifications/${id}`,
    backLabel: message('justifications:refusals.noLongerEditable.back'),
  })
}
