import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { message } from '~/i18n/message'
import { CommentField, type CommentFormState } from './comment-field'

/**
 * Below the decision on a sign-off link's page: a question to the requester instead of a decision.
 * It leaves the link unused; the answer comes by email, and the link still decides afterwards.
 */
export function SignOffQuestion({ form }: { form?: CommentFormState | undefined }) {
  const { t } = useTranslation('signoff')
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'question'
  return (
    <section className="card sign-off-question" aria-labelledby="question-heading">
      <h2 id="question-heading">{t('question.heading')}</h2>
      <Form method="post">
        <CommentField
          id="question-body"
          label={t('question.label')}
          hint={t('question.hint')}
          errors={form?.fieldErrors.body}
          defaultValue={form?.body}
        />
        <button type="submit" name="intent" value="question" className="secondary" disabled={busy}>
          {t('question.send')}
        </button>
      </Form>
    </section>
  )
}

/**
 * What the page says, after the redirect, once a question went: to whom, and that the link still
 * decides. A message (app/i18n/message.ts): the page says it in its reader's language, the names
 * travelling as a list so that they are joined in that language too ({{names, list}}).
 */
export function questionSentMessage(notifiedNames: readonly string[]): string {
  return notifiedNames.length ? message('signoff:question.sentTo', { names: notifiedNames }) : message('signoff:question.sent')
}
