import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { Field } from './field'

// Date, number and select controls for Conform fields, each a labelled Field (./field.tsx): the
// recurring controls of the admin forms (organisation, policy, sign-off settings).

/** A date input for a Conform field. */
export function DateField<Schema>({ field, label }: { field: FieldMetadata<Schema, any, string[]>; label: string }) {
  return (
    <Field id={field.id} label={label} errors={field.errors}>
      {(aria) => <input {...getInputProps(field, { type: 'date' })} {...aria} />}
    </Field>
  )
}

/** A whole-number input for a Conform field, with its bounds and an optional hint. */
export function NumberField<Schema>({ field, label, hint, min, max }: { field: FieldMetadata<Schema, any, string[]>; label: string; hint?: string; min?: number; max?: number }) {
  return (
    <Field id={field.id} label={label} hint={hint} errors={field.errors}>
      {(aria) => <input {...getInputProps(field, { type: 'number' })} min={min} max={max} {...aria} />}
    </Field>
  )
}

/** A choice from a list (people, groups, departments), with a first, empty option named `blank`. */
export function SelectField<Schema>({
  field,
  label,
  blank,
  options,
}: {
  field: FieldMetadata<Schema, any, string[]>
  label: string
  blank: string
  options: readonly { value: string; label: string }[]
}) {
  return (
    <Field id={field.id} label={label} errors={field.errors}>
      {(aria) => (
        <select {...getSelectProps(field)} {...aria}>
          <option value="">{blank}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
