/**
 * Every message of every language, as the server holds them (the browser fetches only the
 * namespaces its page needs, from /locales/<language>/<namespace>). One import per file: a new
 * namespace is a line in each language here and in namespaces.ts.
 */
import enAdmin from '~/locales/en/admin.json' assert { type: 'json' }
import enAuth from '~/locales/en/auth.json' assert { type: 'json' }
import enCommon from '~/locales/en/common.json' assert { type: 'json' }
import enEmails from '~/locales/en/emails.json' assert { type: 'json' }
import enForms from '~/locales/en/forms.json' assert { type: 'json' }
import enIndustrialReturn from '~/locales/en/industrial-return.json' assert { type: 'json' }
import enJustifications from '~/locales/en/justifications.json' assert { type: 'json' }
import enReturnData from '~/locales/en/return-data.json' assert { type: 'json' }
import enRecord from '~/locales/en/record.json' assert { type: 'json' }
import enSignoff from '~/locales/en/signoff.json' assert { type: 'json' }
import frAdmin from '~/locales/fr/admin.json' assert { type: 'json' }
import frAuth from '~/locales/fr/auth.json' assert { type: 'json' }
import frCommon from '~/locales/fr/common.json' assert { type: 'json' }
import frEmails from '~/locales/fr/emails.json' assert { type: 'json' }
import frForms from '~/locales/fr/forms.json' assert { type: 'json' }
import frIndustrialReturn from '~/locales/fr/industrial-return.json' assert { type: 'json' }
import frJustifications from '~/locales/fr/justifications.json' assert { type: 'json' }
import frReturnData from '~/locales/fr/return-data.json' assert { type: 'json' }
import frRecord from '~/locales/fr/record.json' assert { type: 'json' }
import frSignoff from '~/locales/fr/signoff.json' assert { type: 'json' }
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
