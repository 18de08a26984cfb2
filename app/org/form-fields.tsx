import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { Field } from '~/ui/field'

// The organisation forms' two recurring controls, each a labelled Field (app/ui/field.tsx): the
// kit has no select or date control of its own, so they live beside the forms that use them.

/** A date input for a Conform field. */
export function DateField<Schema>({ field, label }: { field: FieldMetadata<Schema, any, string[]>; label: string }) {
  return (
    <Field id={field.id} label={label} errors={field.errors}>
      {(aria) => <input {...getInputProps(field, { type: 'date' })} {...aria} />}
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
