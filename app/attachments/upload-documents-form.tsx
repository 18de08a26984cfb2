import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { translateMessage } from '~/i18n/message'
import { parseForm } from '~/ui/parse-form'
import { Field } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { FILE_INPUT_ACCEPT } from './allowed-files'
import { ATTACHMENT_KINDS } from './attachment-kinds'
import { AddDocumentsSchema, FILES_FIELD } from './documents-form-schema'

/**
 * Adding documents: what they are (one kind for all the files chosen), the files, and the limits.
 * A refusal names each file and what is wrong with it, under the file input; nothing was stored.
 */
export function UploadDocumentsForm({ rowVersion, lastResult, limits }: { rowVersion: number; lastResult: SubmissionResult<string[]> | undefined; limits: { fileMb: number; totalMb: number } }) {
  const [form, fields] = useForm({
    id: 'add-documents',
    lastResult,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseForm(formData, { schema: AddDocumentsSchema }),
  })
  const { t } = useTranslation(['justifications', 'forms'])
  const submitting = useNavigation().state === 'submitting'
  const fileErrors = form.allErrors[FILES_FIELD]
  const errorId = 'add-documents-error'
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-describedby={form.errors?.length ? errorId : undefined}>
      {form.errors?.length ? (
        <Notice tone="error" role="alert" id={errorId}>
          {form.errors.map((error) => translateMessage(t as unknown as TFunction, error)).join(' ')}
        </Notice>
      ) : null}
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="rowVersion" value={rowVersion} />
      <Field id={fields.kind.id} label={t('documents.whatAreThey')} errors={fields.kind.errors}>
        {(aria) => (
          <select {...getSelectProps(fields.kind)} {...aria}>
            <option value="">{t('form.choose')}</option>
            {ATTACHMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`documents.kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="documents-files"
        label={t('documents.files')}
        hint={t('documents.filesHint', { accepted: t('forms:documents.accepted'), fileMb: limits.fileMb, totalMb: limits.totalMb })}
        errors={fileErrors}
      >
        {(aria) => <input {...aria} name={FILES_FIELD} type="file" multiple accept={FILE_INPUT_ACCEPT} required />}
      </Field>
      <button type="submit" disabled={submitting}>
        {submitting ? t('documents.uploading') : t('documents.add')}
      </button>
    </Form>
  )
}
