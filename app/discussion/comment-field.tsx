import { Field } from '~/ui/field'
import { COMMENT_MAX_LENGTH } from './comment-form-schema'

/** The comment's textarea with its hint and errors: the same on the justification page and the sign-off page. */
export function CommentField({ id, label, hint, errors, defaultValue }: { id: string; label: string; hint: string; errors?: string[] | undefined; defaultValue?: string | undefined }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(control) => <textarea {...control} name="body" rows={4} maxLength={COMMENT_MAX_LENGTH} defaultValue={defaultValue} />}
    </Field>
  )
}

/** What an action answers when a comment is refused: the field's errors and the text, given back to edit. */
export type CommentFormState = { fieldErrors: { body?: string[] | undefined }; body: string }
