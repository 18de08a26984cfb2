import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import * as z from 'zod/mini'
import { message, translateMessage } from '~/i18n/message'
import { FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { DecisionFormSchema } from './justification-form-schema'
import type { JustificationListItem } from './list-item.server'

/** The decision form of one row of the approvals page: which justification, at which version, and the decision itself. */
export const ApprovalDecisionSchema = z.intersection(z.object({ justificationId: z.string({ error: message('forms:decision.chooseJustification') }).check(z.uuid(message('forms:decision.chooseJustification'))) }), DecisionFormSchema)

/** What the approvals page's action answered to the last decision (absent after a redirect). */
export type ApprovalActionResult = {
  justificationId: string
  result: SubmissionResult<string[]>
  failure: { kind: string; message: string } | null
}

/**
 * One row's form: a comment and the three decisions. Each row is its own form (ids carry the
 * justification's id), and hidden texts name the reference so that every button reads on its own.
 */
export function ApprovalDecisionForm({ item, actionResult }: { item: JustificationListItem; actionResult: ApprovalActionResult | undefined }) {
  const navigation = useNavigation()
  const { t } = useTranslation('justifications')
  const mine = actionResult?.justificationId === item.id
  const [form, fields] = useForm({
    id: `decide-${item.id}`,
    lastResult: mine ? actionResult.result : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseForm(formData, { schema: ApprovalDecisionSchema }),
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('justificationId') === item.id
  const commentErrors = fields.comment.errors
  const commentId = `${form.id}-comment`
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="justificationId" value={item.id} />
      <input type="hidden" name="rowVersion" value={item.rowVersion} />
      {/* A refusal from the server is shown once, above the tables, not again in the row. */}
      {mine && actionResult.failure ? null : <FormErrors id={form.errorId} errors={form.errors} />}
      <div className="field">
        <label htmlFor={commentId}>
          {t('approvals.comment')}<span className="visually-hidden">{t('approvals.commentFor', { reference: item.reference })}</span>
        </label>
        <p className="hint" id={`${commentId}-description`}>
          {t('approvals.commentHint')}
        </p>
        <textarea
          {...getTextareaProps(fields.comment)}
          id={commentId}
          rows={2}
          aria-invalid={commentErrors?.length ? true : undefined}
          aria-describedby={[`${commentId}-description`, commentErrors?.length ? `${commentId}-error` : ''].filter(Boolean).join(' ')}
        />
        {commentErrors?.length ? (
          <p className="error" id={`${commentId}-error`}>
            {commentErrors.map((error) => translateMessage(t as unknown as TFunction, error)).join(' ')}
          </p>
        ) : null}
      </div>
      <div className="decision-buttons">
        <button type="submit" name="intent" value="sign" disabled={busy}>
          {t('approvals.sign')}<span className="visually-hidden"> {item.reference}</span>
        </button>
        <button type="submit" name="intent" value="request-changes" className="secondary" disabled={busy}>
          {t('approvals.requestChanges')}<span className="visually-hidden">{t('approvals.to', { reference: item.reference })}</span>
        </button>
        <button type="submit" name="intent" value="reject" className="danger" disabled={busy}>
          {t('approvals.reject')}<span className="visually-hidden"> {item.reference}</span>
        </button>
      </div>
    </Form>
  )
}
