/**
 * Every message of every language, as the server holds them (the browser fetches only the
 * namespaces its page needs, from /locales/<language>/<namespace>), read once from app/locales at
 * start-up. Read as files rather than imported as JSON modules: Node's own ES module loader (the one
 * Playwright's test process runs server code with) wants an import attribute that the Remix
 * compiler's esbuild cannot parse (`with`) or that Node warns about on every start (`assert`).
 * The English files' imports below are types only: keys are typed from them (i18next.d.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type enAdmin from '~/locales/en/admin.json'
import type enApiKeys from '~/locales/en/api-keys.json'
import type enAuth from '~/locales/en/auth.json'
import type enCommon from '~/locales/en/common.json'
import type enEmails from '~/locales/en/emails.json'
import type enForms from '~/locales/en/forms.json'
import type enIndustrialReturn from '~/locales/en/industrial-return.json'
import type enJustifications from '~/locales/en/justifications.json'
import type enReturnData from '~/locales/en/return-data.json'
import type enRecord from '~/locales/en/record.json'
import type enSignoff from '~/locales/en/signoff.json'
import type enWebhooks from '~/locales/en/webhooks.json'
import { LANGUAGES, type Language } from './languages'
import { NAMESPACES, type Namespace } from './namespaces'

// Beside this file when run from source (vitest, tsx, Playwright), beside build/ once bundled (build/index.js).
const LOCALES_DIRECTORY = [new URL('../locales/', import.meta.url), new URL('../app/locales/', import.meta.url)].map((url) => fileURLToPath(url)).find((directory) => existsSync(directory))
if (!LOCALES_DIRECTORY) throw new Error(`The message files (app/locales) are missing beside ${fileURLToPath(import.meta.url)}`)

function readCatalogue(language: Language, namespace: Namespace): object {
  return JSON.parse(readFileSync(path.join(LOCALES_DIRECTORY!, language, `${namespace}.json`), 'utf8')) as object
}

function readLanguage(language: Language): Record<Namespace, object> {
  return Object.fromEntries(NAMESPACES.map((namespace) => [namespace, readCatalogue(language, namespace)])) as Record<Namespace, object>
}

type EnglishCatalogue = {
  common: typeof enCommon
  forms: typeof enForms
  auth: typeof enAuth
  justifications: typeof enJustifications
  signoff: typeof enSignoff
  'industrial-return': typeof enIndustrialReturn
  'return-data': typeof enReturnData
  admin: typeof enAdmin
  emails: typeof enEmails
  record: typeof enRecord
  webhooks: typeof enWebhooks
  'api-keys': typeof enApiKeys
}

export const catalogues = Object.fromEntries(LANGUAGES.map((language) => [language, readLanguage(language)])) as Record<Language, Record<Namespace, object>>

export const englishCatalogue = catalogues.en as EnglishCatalogue
