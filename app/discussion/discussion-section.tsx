import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateTime } from '~/calendar/date-time'
import { CommentBody } from './comment-body'
import { CommentField, type CommentFormState } from './comment-field'
import type { DiscussionComment } from './load-discussion.server'

/**
 * The thread on a justification's page, oldest first, and the form to add to it. A plain POST
 * (intent "comment"): the action answers a refusal with the field's errors, a comment with a
 * redirect back here and a notice.
 */
export function DiscussionSection({ comments, mentionExample, form }: { comments: DiscussionComment[]; mentionExample: string; form?: CommentFormState | undefined }) {
  const navigation = useNavigation()
  const { t } = useTranslation('justifications')
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'comment'
  return (
    <section className="card discussion" id="discussion" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">{t('discussion.heading')}</h2>
      {comments.length ? (
        <ol className="comments">
          {comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment-meta">
                <strong>{comment.authorName}</strong>
                {comment.authorRole ? <span className="comment-role">, {comment.authorRole.toLowerCase()}</span> : null}
                {', '}
                <DateTime at={comment.atIso} />
                {comment.asSignatory ? <span className="hint">{t('discussion.askedFromLink')}</span> : null}
              </p>
              <CommentBody body={comment.body} mentions={comment.mentions} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t('discussion.none')}</p>
      )}
      {/* Keyed by the count, so the text typed is cleared once the comment is in the thread. */}
      <Form method="post" className="screen-only" key={comments.length}>
        <CommentField
          id="comment-body"
          label={t('discussion.yourMessage')}
          hint={t('discussion.hint', { example: mentionExample })}
          errors={form?.fieldErrors.body}
          defaultValue={form?.body}
        />
        <button type="submit" name="intent" value="comment" disabled={busy}>
          {t('discussion.post')}
        </button>
      </Form>
    </section>
  )
}
