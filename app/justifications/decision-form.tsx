import { Form, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { translateMessage } from '~/i18n/message'

/**
 * A signatory's three deliberate actions, with one comment field (required to reject or ask for
 * changes, checked by the server). The same form in the app and on a sign-off link's page: both
 * routes load the `signoff` messages.
 */
export function DecisionForm({ rowVersion, commentErrors }: { rowVersion?: number; commentErrors?: string[] | undefined }) {
  const { t } = useTranslation('signoff')
  const busy = useNavigation().state === 'submitting'
  const invalid = Boolean(commentErrors?.length)
  return (
    <Form method="post">
      {rowVersion !== undefined ? <input type="hidden" name="rowVersion" value={rowVersion} /> : null}
      <div className="field">
        <label htmlFor="decision-comment">{t('decisionForm.comment')}</label>
        <p className="hint" id="decision-comment-hint">
          {t('decisionForm.hint')}
        </p>
        <textarea
          id="decision-comment"
          name="comment"
          rows={3}
          aria-describedby={invalid ? 'decision-comment-hint decision-comment-error' : 'decision-comment-hint'}
          aria-invalid={invalid ? true : undefined}
        />
        {invalid ? (
          <p className="error" id="decision-comment-error">
            {commentErrors!.map((error) => translateMessage(t as unknown as TFunction, error)).join(' ')}
          </p>
        ) : null}
      </div>
      <div className="decision-buttons">
        <button type="submit" name="intent" value="sign" disabled={busy}>
          {t('decisionForm.sign')}
        </button>
        <button type="submit" name="intent" value="request-changes" className="secondary" disabled={busy}>
          {t('decisionForm.requestChanges')}
        </button>
        <button type="submit" name="intent" value="reject" className="danger" disabled={busy}>
          {t('decisionForm.reject')}
        </button>
      </div>
    </Form>
  )
}
