import type { ReactNode } from 'react'
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
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

export function FormErrors({ id, errors, separately }: { id: string; errors?: string[] | undefined; separately?: boolean }) {
  if (!errors?.length) return null
  // `separately` for errors that read as sentences of their own: one paragraph each.
  if (separately) return <Notice tone="error" role="alert" id={id} paragraphs={errors} />
  return (
    <Notice as="div" tone="error" role="alert" id={id}>
      {errors.join(' ')}
    </Notice>
  )
}
