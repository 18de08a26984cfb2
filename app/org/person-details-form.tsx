import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/languages'
import { LanguageOptions } from '~/ui/language-options'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { PersonSchema } from './organisation-forms'

type PersonDetails = {
  name: string
  email: string
  groupId: string | null
  isProcurementOfficer: boolean
  isAdministrator: boolean
  isActive: boolean
  preferredLanguage: Language | null
}

/** Name, address, group, roles, status and preferred language of a person (null: a new one), on their admin page. */
export function PersonDetailsForm({
  person,
  groups,
  lastResult,
}: {
  person: PersonDetails | null
  groups: { id: string; code: string; name: string }[]
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const [form, fields] = useForm({
    id: 'person',
    lastResult,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types, so the message goes away before
    // they reach the button (re-checking on blur shifts the page under their click).
    shouldRevalidate: 'onInput',
    defaultValue: person
      ? { name: person.name, email: person.email, groupId: person.groupId ?? '', isProcurementOfficer: person.isProcurementOfficer ? 'on' : '', isAdministrator: person.isAdministrator ? 'on' : '', isActive: person.isActive ? 'on' : '' }
      : { isActive: 'on' },
    onValidate: ({ formData }) => parseForm(formData, { schema: PersonSchema }),
  })
  const { t } = useTranslation('admin')
  return (
    <section className="card narrow" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('person.details.heading')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field id={fields.name.id} label={t('person.details.name')} errors={fields.name.errors}>
          {(aria) => <input {...getInputProps(fields.name, { type: 'text' })} {...aria} />}
        </Field>
        <Field id={fields.email.id} label={t('person.details.email')} errors={fields.email.errors}>
          {(aria) => <input {...getInputProps(fields.email, { type: 'email' })} {...aria} />}
        </Field>
        <Field id={fields.groupId.id} label={t('person.details.group')} errors={fields.groupId.errors}>
          {(aria) => (
            <select {...getSelectProps(fields.groupId)} {...aria}>
              <option value="">{t('person.details.noGroup')}</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.code} · {group.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field">
          <legend>{t('person.details.rolesAndStatus')}</legend>
          <label>
            <input {...getInputProps(fields.isProcurementOfficer, { type: 'checkbox' })} /> {t('person.details.procurementOfficer')}
          </label>
          <label>
            <input {...getInputProps(fields.isAdministrator, { type: 'checkbox' })} /> {t('person.details.administrator')}
          </label>
          <label>
            <input {...getInputProps(fields.isActive, { type: 'checkbox' })} /> {t('person.details.active')}
          </label>
        </fieldset>
        {/* Not one of the schema's fields (organisation-forms.ts): the action reads it, any other value meaning none. */}
        <Field id="person-preferred-language" label={t('person.details.preferredLanguage')} hint={t('person.details.preferredLanguageHint')}>
          {(aria) => (
            <select name="preferredLanguage" defaultValue={person?.preferredLanguage ?? ''} {...aria}>
              <option value="">{t('person.details.noPreferredLanguage')}</option>
              <LanguageOptions />
            </select>
          )}
        </Field>
        <button type="submit">{person ? t('person.details.saveChanges') : t('person.details.addPerson')}</button>
      </Form>
    </section>
  )
}
