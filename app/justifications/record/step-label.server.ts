import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { roleOfDefaultLabel } from '~/workflow/signatory-role-labels'

/** A step's label in the record: a role's default (stored in English) as the role in the reader's language, the administrator's own label as written. */
export function stepLabelIn(label: string, language: Language): string {
  const role = roleOfDefaultLabel(label)
  return role ? translatorFor(language, 'justifications')(`chain.role.${role}`) : label
}
