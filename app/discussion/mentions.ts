// Mentions in a comment, written "@Full Name": found against the people who could be meant, without
// regard to case or accents ("@chloe caron" is Chloé Caron), the longest name first (so "@Anna
// Andersson" never stops at a shorter "@Anna"). Pure: the browser and the server run the same code.

export type MentionCandidate = { id: string; name: string }
/** Where a mention sits in the body (code-unit offsets, the "@" included), for emphasis. */
export type MentionSpan = { start: number; end: number; personId: string }
export type FoundMentions = {
  /** The people mentioned, each once, in the order they first appear. */
  people: MentionCandidate[]
  /** "@Word"s that name no candidate ("@Paul" for a Paul the list does not hold), each once. */
  unknown: string[]
  spans: MentionSpan[]
}

// A name ends where a word would: not before a letter, a digit or an underscore.
const WORD_CHARACTER = /[\p{L}\p{N}_]/u
// "@" after one of these is inside an address (rita.romano@example.org), not a mention.
const ADDRESS_CHARACTER = /[\p{L}\p{N}._%+-]/u
const SPACE = /[ \t\u00a0\u202f]/
const WORD_AFTER_AT = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u

/**
 * The text without case, accents and repeated spaces, with, for each of its characters, the offset
 * in the original of the character it came from: a match in the folded text maps back to the body.
 */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = ''
  const origin: number[] = []
  let offset = 0
  for (const character of text) {
    const isSpace = SPACE.test(character)
    const simple = isSpace ? ' ' : character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    if (!(isSpace && folded.endsWith(' '))) {
      for (let i = 0; i < simple.length; i++) origin.push(offset)
      folded += simple
    }
    offset += character.length
  }
  origin.push(text.length)
  return { folded, origin }
}

/** A name as mentions compare it: "Chloé  Caron" and "chloe caron" fold alike. */
export function foldName(name: string): string {
  return fold(name.trim()).folded
}

export function findMentions(body: string, candidates: readonly MentionCandidate[]): FoundMentions {
  const { folded, origin } = fold(body)
  const names = candidates
    .map((candidate) => ({ candidate, key: foldName(candidate.name) }))
    .filter(({ key }) => key.length > 0)
    .sort((a, b) => b.key.length - a.key.length)
  const people = new Map<string, MentionCandidate>()
  const unknown = new Set<string>()
  const spans: MentionSpan[] = []

  for (let at = folded.indexOf('@'); at !== -1; at = folded.indexOf('@', at + 1)) {
    const start = origin[at]!
    if (start > 0 && ADDRESS_CHARACTER.test(body[start - 1]!)) continue
    const match = names.find(({ key }) => folded.startsWith(key, at + 1) && !WORD_CHARACTER.test(folded[at + 1 + key.length] ?? ''))
    if (match) {
      const end = at + 1 + match.key.length
      spans.push({ start, end: origin[end]!, personId: match.candidate.id })
      if (!people.has(match.candidate.id)) people.set(match.candidate.id, match.candidate)
      at = end - 1
      continue
    }
    const word = WORD_AFTER_AT.exec(body.slice(start + 1))
    if (word) unknown.add(`@${word[0]}`)
  }
  return { people: [...people.values()], unknown: [...unknown], spans }
}

/** The body cut into plain text and mentions, in order: what a page emphasises. */
export function splitAtMentions(body: string, mentioned: readonly MentionCandidate[]): ({ text: string } | { mention: string; personId: string })[] {
  const parts: ({ text: string } | { mention: string; personId: string })[] = []
  let offset = 0
  for (const span of findMentions(body, mentioned).spans) {
    if (span.start > offset) parts.push({ text: body.slice(offset, span.start) })
    parts.push({ mention: body.slice(span.start, span.end), personId: span.personId })
    offset = span.end
  }
  if (offset < body.length) parts.push({ text: body.slice(offset) })
  return parts
}
