import { pageError } from '~/ui/error-page'
import { statusLabels, type JustificationStatus } from './labels'

// The error pages of a justification's own pages (view, edit), in words a requester understands.

export const noSuchJustification = (request: Request) =>
  pageError(404, { title: 'No such justification', message: 'No justification has this reference. The link may be mistyped, or from another installation of SoleSource.' }, request)

export const notAllowedToSeeJustification = (request: Request) =>
  pageError(
    403,
    {
      title: 'You are not allowed to see this justification',
      message: 'Only its requester, their group, the people asked to sign it, and procurement may see it. If you need it, ask the requester to share it with you.',
    },
    request,
  )

export const notAllowedToEditJustification = (request: Request) =>
  pageError(403, { title: 'You are not allowed to edit this justification', message: 'Only the person who filed a justification may edit it.' }, request)

/** Editing a justification past its draft: say what became of it, and link back to it. */
export function justificationNoLongerEditable(id: string, status: string) {
  const withdrawn = status === 'WITHDRAWN'
  const label = statusLabels[status as JustificationStatus]?.toLowerCase() ?? status.toLowerCase()
  return pageError(409, {
    title: withdrawn ? 'This justification was withdrawn; it can no longer be edited' : 'This justification was submitted; it can no longer be edited',
    message: `Only a draft, or a justification sent back for changes, can be edited. This one is ${label}.`,
    back: `/justifications/${id}`,
    backLabel: 'Back to the justification',
  })
}
