import { createCookie } from '@remix-run/node'
import { createInstance, type i18n as I18n, type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { getEnv } from '~/env.server'
import { languageFromAcceptLanguage } from './accept-language'
import { catalogues } from './catalogues.server'
import { isLanguage, LANGUAGES, type Language } from './languages'
import { NAMESPACES, type Namespace } from './namespaces'
import { addFormatters, i18nextOptions } from './options'

/**
 * The server's i18next: one instance per language, made once with every message in memory (a page
 * or an email never waits for a file, and no request pays for an instance of its own).
 */
const instances = new Map<Language, I18n>()

export function i18nFor(language: Language): I18n {
  let instance = instances.get(language)
  if (!instance) {
    instance = createInstance()
    // Synchronous with in-memory resources (initImmediate: false), so it is ready when this returns.
    void instance.use(initReactI18next).init({
      ...i18nextOptions,
      lng: language,
      ns: [...NAMESPACES],
      resources: catalogues,
      initImmediate: false,
    })
    addFormatters(instance)
    instances.set(language, instance)
  }
  return instance
}

/** Messages of `namespace` in `language`, for loaders, actions and emails. */
export function translatorFor<N extends Namespace>(language: Language, namespace: N): TFunction<N> {
  return i18nFor(language).getFixedT(language, namespace) as TFunction<N>
}

/** The choice made with the language switch before (or without) signing in. A year: it is a preference. */
export const languageCookie = createCookie('solesource_language', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  maxAge: 365 * 24 * 60 * 60,
})

async function languageFromCookie(request: Request): Promise<Language | null> {
  const value: unknown = await languageCookie.parse(request.headers.get('cookie'))
  return isLanguage(value) ? value : null
}

/**
 * The language of a page (ADR 046): the signed-in person's saved preference, then the choice made
 * on this browser with the language switch, then the browser's Accept-Language, then the
 * organisation's default (DEFAULT_LANGUAGE).
 */
export async function languageOfRequest(request: Request, person: { preferredLanguage: string | null } | null): Promise<Language> {
  if (person && isLanguage(person.preferredLanguage)) return person.preferredLanguage
  return (
    (await languageFromCookie(request)) ??
    languageFromAcceptLanguage(request.headers.get('accept-language')) ??
    getEnv().DEFAULT_LANGUAGE
  )
}

/**
 * The language an email is written in: its recipient's saved preference, else the organisation's
 * default. Never the sender's: a French requester's submission reaches an English-speaking leader in English.
 */
export function languageOfRecipient(recipient: { preferredLanguage: string | null } | null | undefined): Language {
  return recipient && isLanguage(recipient.preferredLanguage) ? recipient.preferredLanguage : getEnv().DEFAULT_LANGUAGE
}

export { LANGUAGES }
