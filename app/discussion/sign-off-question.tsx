import { Form, useNavigation } from '@remix-run/react'
import { CommentField, type CommentFormState } from './comment-field'
import { listOf } from './list-of'

/**
 * Below the decision on a sign-off link's page: a question to the requester instead of a decision.
 * It leaves the link unused; the answer comes by email, and the link still decides afterwards.
 */
export function SignOffQuestion({ form }: { form?: CommentFormState | undefined }) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'question'
  return (
    <section className="card sign-off-question" aria-labelledby="question-heading">
      <h2 id="question-heading">Ask a question instead</h2>
      <Form method="post">
        <CommentField
          id="question-body"
          label="Your question"
          hint="Sent to the requester and the other signatories, and kept in the justification's record. It decides nothing: this link stays valid for your decision."
          errors={form?.fieldErrors.body}
          defaultValue={form?.body}
        />
        <button type="submit" name="intent" value="question" className="secondary" disabled={busy}>
          Send the question
        </button>
      </Form>
    </section>
  )
}

/** What the page says, after the redirect, once a question went: to whom, and that the link still decides. */
export function questionSentMessage(notifiedNames: readonly string[]): string {
  return `Your question was sent${notifiedNames.length ? ` to ${listOf(notifiedNames)}` : ''}. This link still works: decide when you have your answer.`
}
