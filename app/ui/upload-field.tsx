import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatWholeNumber } from '~/money/amount'
import { Field } from './field'
import { Notice } from './notice'

/**
 * A file input with its label, the file types it takes and, when given, a hint and the limits
 * the server enforces (the server checks them again: `accept` only filters the browser's picker).
 */
export function UploadField({
  id = 'file',
  name = 'file',
  label,
  accept = '.csv,text/csv',
  hint,
  limits,
  required = true,
}: {
  id?: string
  name?: string
  label: string
  accept?: string
  hint?: ReactNode
  limits?: { rows?: number; megabytes?: number }
  required?: boolean
}) {
  const { t } = useTranslation()
  const limitText = [
    limits?.rows !== undefined ? t('upload.upToRows', { rows: formatWholeNumber(limits.rows) }) : null,
    limits?.megabytes !== undefined ? t('upload.atMostMegabytes', { megabytes: limits.megabytes }) : null,
  ]
    .filter(Boolean)
    .join(' ')
  const fullHint = hint || limitText ? (
    <>
      {hint}
      {hint && limitText ? ' ' : null}
      {limitText || null}
    </>
  ) : undefined
  return (
    <Field id={id} label={label} hint={fullHint}>
      {(control) => <input {...control} name={name} type="file" accept={accept} required={required} />}
    </Field>
  )
}

/**
 * A multipart form for an upload: the refusal of the last attempt on top (linked to the form by
 * aria-describedby), the fields, and the submit button. With `busyLabel` the button says so and
 * is disabled while the file is on its way, so a large file is not sent twice.
 */
export function UploadForm({
  error,
  errorId = 'upload-error',
  submitLabel,
  busyLabel,
  children,
}: {
  error?: string | null | undefined
  errorId?: string
  submitLabel: string
  busyLabel?: string
  children: ReactNode
}) {
  const submitting = useNavigation().state === 'submitting'
  const busy = busyLabel !== undefined && submitting
  return (
    <Form method="post" encType="multipart/form-data" aria-describedby={error ? errorId : undefined}>
      {error ? (
        <Notice tone="error" role="alert" id={errorId}>
          {error}
        </Notice>
      ) : null}
      {children}
      <button type="submit" disabled={busyLabel !== undefined ? submitting : undefined}>
        {busy ? busyLabel : submitLabel}
      </button>
    </Form>
  )
}
