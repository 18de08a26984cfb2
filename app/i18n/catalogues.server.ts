/**
 * Every message of every language, as the server holds them (the browser fetches only the
 * namespaces its page needs, from /locales/<language>/<namespace>). One import per file: a new
 * namespace is a line in each language here and in namespaces.ts.
 */
import enAdmin from '~/locales/en/admin.json'
import enAuth from '~/locales/en/auth.json'
import enCommon from '~/locales/en/common.json'
import enEmails from '~/locales/en/emails.json'
import enForms from '~/locales/en/forms.json'
import enIndustrialReturn from '~/locales/en/industrial-return.json'
import enJustifications from '~/locales/en/justifications.json'
import enReturnData from '~/locales/en/return-data.json'
import enRecord from '~/locales/en/record.json'
import enSignoff from '~/locales/en/signoff.json'
import frAdmin from '~/locales/fr/admin.json'
import frAuth from '~/locales/fr/auth.json'
import frCommon from '~/locales/fr/common.json'
import frEmails from '~/locales/fr/emails.json'
import frForms from '~/locales/fr/forms.json'
import frIndustrialReturn from '~/locales/fr/industrial-return.json'
import frJustifications from '~/locales/fr/justifications.json'
import frReturnData from '~/locales/fr/return-data.json'
import frRecord from '~/locales/fr/record.json'
import frSignoff from '~/locales/fr/signoff.json'
import type { Language } from './languages'
import type { Namespace } from './namespaces'

export const englishCatalogue = {
  common: enCommon,
  forms: enForms,
  auth: enAuth,
  justifications: enJustifications,
  signoff: enSignoff,
  'industrial-return': enIndustrialReturn,
  'return-data': enReturnData,
  admin: enAdmin,
  emails: enEmails,
  record: enRecord,
} satisfies Record<Namespace, object>

export const catalogues: Record<Language, Record<Namespace, object>> = {
  en: englishCatalogue,
  fr: {
    common: frCommon,
    forms: frForms,
    auth: frAuth,
    justifications: frJustifications,
    signoff: frSignoff,
    'industrial-return': frIndustrialReturn,
    'return-data': frReturnData,
    admin: frAdmin,
    emails: frEmails,
    record: frRecord,
  },
}
