/**
 * Messages (app/i18n/message.ts) as a page says them, for tests written against the sentences a
 * person reads: `said.en(text)` is the English a field shows, `said.fr(text)` the French. Text that
 * is not a message is returned as it is, as the page would show it.
 */
import type { TFunction } from 'i18next'
import { translatorFor } from './i18n.server'
import type { Language } from './languages'
import { translateMessage } from './message'

const sayIn = (language: Language) => {
  const t = translatorFor(language, 'forms') as unknown as TFunction
  return (text: string) => translateMessage(t, text)
}

export const said = { en: sayIn('en'), fr: sayIn('fr') }

/** Every message of a form's errors (Conform's `submission.error`) in one language. */
export function fieldErrorsIn(language: Language, errors: Record<string, readonly string[] | null | undefined> | null | undefined) {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, messages]) => [field, (messages ?? []).map(said[language])]))
}

/** A use case's result with every message in it said in `language` (other values as they are). */
export function saidDeep(language: Language, value: unknown): unknown {
  if (typeof value === 'string') return said[language](value)
  if (Array.isArray(value)) return value.map((item) => saidDeep(language, item))
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, saidDeep(language, item)]))
  }
  return value
}
