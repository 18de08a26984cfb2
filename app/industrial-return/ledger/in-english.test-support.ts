/**
 * Tests written against the English sentences of this area: what the use cases now return as
 * messages (app/i18n/message.ts) is compared in its English translation, as a page shows it
 * (an import's rejection as the job page says it, a refused supplier line as one sentence).
 */
import { expect as vitestExpect } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { sentenceOf, translateList } from './message-list.ts'
import { rejectionText } from './rejection-text.ts'

const t = translatorFor('en', 'return-data')

const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

export function inEnglish(value: unknown): unknown {
  if (typeof value === 'string') return translateList(t, value, ' ')
  if (Array.isArray(value)) return value.map(inEnglish)
  if (!isPlain(value)) return value
  if (typeof value.line === 'number' && typeof value.reason === 'string') return { ...value, reason: rejectionText(t, { line: value.line, reason: value.reason }) }
  if (typeof value.line === 'number' && 'name' in value && typeof value.message === 'string') return { ...value, message: sentenceOf(t, value.message) }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'reasons' || key === 'message' || key === 'error' || key === 'formError' || key === 'errors' || key === 'fieldErrors' || key === 'refused' || key === 'rejections' || key === 'warnings' || key === 'created' || key === 'companies' || typeof item === 'object' ? inEnglish(item) : item]))
}

/** `expect` on the English translation of the value. */
export const expectInEnglish = Object.assign((value: unknown, message?: string) => vitestExpect(inEnglish(value), message), vitestExpect) as typeof vitestExpect
