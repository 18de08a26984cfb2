/**
 * Several messages kept as one text (client-safe): an import row's reasons, a file's problems. Each
 * message (app/i18n/message.ts) on a line of its own; a message's value may itself be such a list
 * (the missing columns of a header, the problem of an amount), translated with it. Text that is not
 * made of messages (a rejection stored in English before issue 14, a database's own words) is shown
 * as it is, so what was stored before stays readable.
 */
import { readMessage } from '~/i18n/message'
import { isNamespace } from '~/i18n/namespaces'

// A message never holds a raw line break: its values are JSON, where a line break is written \n.
const LINE = '\n'

/** Any page's or server's translator, whatever namespaces it was made for. */
export type Translate = (key: never, options?: never) => unknown

export const messageList = (messages: readonly string[]): string => messages.join(LINE)

/** The list cut to at most `max` characters by leaving out its last messages (a cut message would not read). */
export function fitList(text: string, max: number): string {
  if (text.length <= max) return text
  const parts = text.split(LINE)
  while (parts.length > 1 && parts.join(LINE).length > max) parts.pop()
  return parts.join(LINE).slice(0, max)
}

const isOurMessage = (text: string) => {
  const read = readMessage(text)
  return read !== null && isNamespace(read.key.slice(0, read.key.indexOf(':')))
}

/** Whether the text is one message or a list of them (not a person's words that look like one). */
export const isMessageList = (text: string): boolean => text !== '' && text.split(LINE).every(isOurMessage)

function translateOne(t: Translate, text: string): string {
  const read = readMessage(text)
  if (!read || !isOurMessage(text)) return text
  const values = Object.fromEntries(
    Object.entries(read.values).map(([name, value]) => [name, typeof value === 'string' && isMessageList(value) ? translateList(t, value) : value]),
  )
  return String(t(read.key as never, values as never))
}

/**
 * The messages of a list in the reader's language, joined by `separator` (by default the
 * language's "; "; a list inside a message always so), or the text as it is when it is not a list of messages.
 */
export function translateList(t: Translate, text: string, separator?: string): string {
  if (!isMessageList(text)) return text
  const between = separator ?? String(t('return-data:list.separator' as never))
  return text
    .split(LINE)
    .map((part) => translateOne(t, part))
    .join(between)
}

/** A list of reasons as one sentence: translated, joined by "; ", with a capital and a full stop. Other text as it is. */
export function sentenceOf(t: Translate, text: string): string {
  if (!isMessageList(text)) return text
  const said = translateList(t, text)
  return `${said.charAt(0).toLocaleUpperCase()}${said.slice(1)}.`
}
