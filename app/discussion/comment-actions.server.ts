import { data, redirect } from '@remix-run/node'
import { requestOrigin } from '~/audit/audit.server'
import type { SignedInPerson } from '~/auth/session.server'
import { getSignedInPerson } from '~/auth/session.server'
import type { Database } from '~/db/client.server'
import { flashHeaders } from '~/ui/flash.server'
import { parseForm } from '~/ui/parse-form'
import type { CommentFormState } from './comment-field'
import { COMMENT_EMPTY, CommentFormSchema } from './comment-form-schema'
import { message } from '~/i18n/message'
import { postComment } from './post-comment.server'
import { postCommentByLink } from './post-comment-by-link.server'
import { questionSentMessage } from './sign-off-question'

// The two pages' answers to a comment, kept here so their route modules change by one line each.

const refusedForm = (formData: FormData, fieldErrors: Record<string, string[] | null | undefined>): { discussion: CommentFormState } => ({
  discussion: { fieldErrors: { body: fieldErrors.body ?? [COMMENT_EMPTY] }, body: String(formData.get('body') ?? '') },
})

/** The justification page's intent "comment": a field error with the text given back, or back to the thread with a notice. */
export async function commentOnJustification(db: Database, { request, person, justificationId, formData }: { request: Request; person: SignedInPerson; justificationId: string; formData: FormData }) {
  const submission = parseForm(formData, { schema: CommentFormSchema })
  if (submission.status !== 'success') return data(refusedForm(formData, submission.error ?? {}), { status: 400 })
  const result = await postComment(db, { justificationId, person, body: submission.value.body, origin: requestOrigin(request), now: new Date() })
  if (!result.ok) return data(refusedForm(formData, result.kind === 'INVALID' ? result.fieldErrors : { body: [result.message] }), { status: result.kind === 'INVALID' ? 400 : 404 })
  const notice = result.notifiedNames.length ? message('forms:comment.postedAndTold', { names: result.notifiedNames }) : message('forms:comment.posted')
  return redirect(`/justifications/${justificationId}#discussion`, { headers: await flashHeaders(notice) })
}

/**
 * The sign-off page's intent "question": answered as that page answers its decisions (a refused
 * link's state, the sign-in it needs), or the question's field errors (400, the text given back),
 * or, once sent, back to the same page with a notice: a refresh then shows the page again instead
 * of posting the question a second time (a second event in the append-only trail, a second email).
 */
export async function askFromSignOffLink(db: Database, { request, token, formData }: { request: Request; token: string; formData: FormData }) {
  const submission = parseForm(formData, { schema: CommentFormSchema })
  if (submission.status !== 'success') return data(refusedForm(formData, submission.error ?? {}), { status: 400 })
  const signedIn = await getSignedInPerson(request)
  const result = await postCommentByLink(db, { token, body: submission.value.body, now: new Date(), origin: requestOrigin(request), signedInPersonId: signedIn?.id ?? null })
  if (result.ok) return redirect(new URL(request.url).pathname, { headers: await flashHeaders(questionSentMessage(result.notifiedNames)) })
  if ('state' in result) return { refused: result.state }
  if ('signInRequired' in result) return { signInRequired: true as const }
  return data(refusedForm(formData, result.fieldErrors), { status: 400 })
}
