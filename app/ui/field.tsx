import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { translateMessage } from '~/i18n/message'
import { Notice } from './notice'

/**
 * A labelled form control with its hint and errors wired for screen readers (aria-describedby,
 * aria-invalid). `children` is the control; it must carry `id={id}` and the ARIA props passed to it.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string
  label: string
  hint?: ReactNode
  errors?: string[] | undefined
  children: (control: { id: string; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined }) => ReactNode
}) {
  const { t } = useTranslation()
  const hintId = hint ? `${id}-description` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy })}
      {errors?.length ? (
        <p className="error" id={errorId}>
          {errors.map((error) => translateMessage(t, error)).join(' ')}
        </p>
      ) : null}
    </div>
  )
}

/** A form's own errors (messages or plain text), translated in the reader's language. */
export function FormErrors({ id, errors, separately }: { id: string; errors?: string[] | undefined; separately?: boolean }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  const translated = errors.map((error) => translateMessage(t, error))
  // `separately` for errors that read as sentences of their own: one paragraph each.
  if (separately) return <Notice tone="error" role="alert" id={id} paragraphs={translated} />
  return (
    <Notice as="div" tone="error" role="alert" id={id}>
      {translated.join(' ')}
    </Notice>
  )
}
