import type { TFunction } from 'i18next'

/**
 * A message translated where it is shown, not where it is made. Zod issues, field errors, flash
 * cookies and use-case results carry strings; a message travels as one: its key ("namespace:key")
 * and, when it has values, a JSON object after a separator. The page that shows it translates it in
 * its reader's language (translateMessage), so a schema shared by the browser and the action, or a
 * use case that knows nothing of requests, never picks a language.
 */
const VALUES_SEPARATOR = '\u0001'
const KEY = /^[a-z][a-zA-Z0-9-]*:[a-zA-Z0-9_.-]+$/

// A list of names is written in the reader's language where shown: "{{names, list}}" (Intl.ListFormat).
export type MessageValues = Record<string, string | number | null | readonly string[]>

export function message(key: string, values?: MessageValues): string {
  if (!KEY.test(key)) throw new Error(`Not a message key ("namespace:key"): ${key}`)
  return values ? `${key}${VALUES_SEPARATOR}${JSON.stringify(values)}` : key
}

/** The key and values of a message, or null for text that is not one (e.g. a supplier's own words). */
export function readMessage(text: string): { key: string; values: MessageValues } | null {
  const at = text.indexOf(VALUES_SEPARATOR)
  const key = at === -1 ? text : text.slice(0, at)
  if (!KEY.test(key)) return null
  if (at === -1) return { key, values: {} }
  try {
    const values: unknown = JSON.parse(text.slice(at + 1))
    return values && typeof values === 'object' ? { key, values: values as MessageValues } : null
  } catch {
    return null
  }
}

/**
 * Between the sentences of a text made of several messages (a workflow explanation, see
 * app/workflow/explanation.ts): each is translated on its own, and they read joined by a space.
 */
export const SENTENCE_SEPARATOR = '\u0002'

/**
 * Any page's `t`, whatever namespaces it was typed for: a message names its own namespace in its key,
 * so the type of the caller's `t` says nothing about it (and i18next's key types would only make
 * every caller cast).
 */
type AnyTFunction = TFunction<never, never> | ((...args: never[]) => unknown)

/** A message in the reader's language; text that is not a message is shown as it is. */
export function translateMessage(t: AnyTFunction, text: string): string {
  if (text.includes(SENTENCE_SEPARATOR)) {
    return text
      .split(SENTENCE_SEPARATOR)
      .filter((part) => part !== '')
      .map((part) => translateMessage(t, part))
      .join(' ')
  }
  const read = readMessage(text)
  if (!read) return text
  // i18next returns the key itself for a key it does not know: shown as is, and caught by the
  // completeness tests rather than hidden.
  return String((t as (key: string, values: MessageValues) => unknown)(read.key, read.values))
}
