import { Form, useNavigation } from '@remix-run/react'
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
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'comment'
  return (
    <section className="card discussion" id="discussion" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">Discussion</h2>
      {comments.length ? (
        <ol className="comments">
          {comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment-meta">
                <strong>{comment.authorName}</strong>
                {comment.authorRole ? <span className="comment-role">, {comment.authorRole.toLowerCase()}</span> : null}
                {', '}
                <DateTime at={comment.atIso} />
                {comment.asSignatory ? <span className="hint"> · a question from the sign-off link, asked without deciding</span> : null}
              </p>
              <CommentBody body={comment.body} mentions={comment.mentions} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">No comments yet. Ask a question or add context for the signatories.</p>
      )}
      {/* Keyed by the count, so the text typed is cleared once the comment is in the thread. */}
      <Form method="post" className="screen-only" key={comments.length}>
        <CommentField
          id="comment-body"
          label="Your message"
          hint={`Everybody in the signature chain gets an email. To bring somebody else in, write @ and their full name, e.g. ${mentionExample}; only people who may see this justification can be mentioned.`}
          errors={form?.fieldErrors.body}
          defaultValue={form?.body}
        />
        <button type="submit" name="intent" value="comment" disabled={busy}>
          Post
        </button>
      </Form>
    </section>
  )
}
