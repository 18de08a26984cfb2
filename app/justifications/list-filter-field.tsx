import type { ReactNode } from 'react'
import { Field } from '~/ui/field'
import type { FilterName } from './list-query'

type Control = { id: string; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined }

/** One filter of a justification list, with the problem the loader found in its value (if any). */
export function ListFilterField({
  name,
  label,
  hint,
  problems,
  children,
}: {
  name: FilterName
  label: string
  hint?: string
  problems: Partial<Record<FilterName, string>>
  children: (control: Control) => ReactNode
}) {
  const problem = problems[name]
  return (
    <Field id={`filter-${name}`} label={label} hint={hint} errors={problem ? [problem] : undefined}>
      {children}
    </Field>
  )
}
