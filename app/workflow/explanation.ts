import type { TFunction } from 'i18next'
import { message, SENTENCE_SEPARATOR, translateMessage, type MessageValues } from '../i18n/message.ts'

/**
 * Why a step went to whom, as the workflow writes it into a justification's snapshot and audit
 * trail: a few sentences, each a message (app/i18n/message.ts) in the justifications namespace,
 * so that each reader reads them in their own language. The workflow picks no language.
 *
 * An explanation is stored as one string (the snapshot's and the audit events' `explanation`): its
 * sentences joined by a separator no sentence contains. Snapshots written before explanations were
 * messages hold an English sentence: it has no separator and is no message key, so it reads as it
 * was written (translateMessage shows non-message text as is). So does an explanation a person typed
 * (procurement reassigning a step). translateMessage reads explanations too, so a message shown
 * anywhere (a form error, a flash notice) may be one.
 */

/** One sentence of an explanation: a message of the `justifications:explanation.*` group. */
export function sentence(key: string, values?: MessageValues): string {
  return message(`justifications:explanation.${key}`, values)
}

/** An explanation made of these sentences, in order. */
export function explanationOf(sentences: readonly string[]): string {
  return sentences.join(SENTENCE_SEPARATOR)
}

/** The sentences of an explanation (a single one for old English text). */
export function sentencesOf(explanation: string): string[] {
  return explanation.split(SENTENCE_SEPARATOR).filter((part) => part !== '')
}

/**
 * The explanation in the language of `t` (any namespace's `t` of an i18next instance that has the
 * justifications and common messages: a page's, an email's, the PDF record's).
 */
export function explanationText(t: AnyTFunction, explanation: string): string {
  return translateMessage(t as unknown as TFunction, explanation)
}

/** A `t` of any namespace: messages name their own namespace. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTFunction = TFunction<any, any>
