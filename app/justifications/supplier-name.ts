/**
 * How the split-purchase and duplicate checks recognise one supplier across spellings of its name:
 * "Split Vacuum Supplies SA", "SPLIT VACUUM SUPPLIES S.A." and "Split-Vacuum Supplies, s.a." are one
 * supplier. The key ignores case, accents, punctuation and spacing, the words "and"/"und"/"et", and
 * the legal form at the end of the name (SA, S.A., GmbH, S.p.A., B.V., Ltd, GmbH & Co. KG, ...).
 *
 * The key is stored (Justification.supplierKey, indexed with the group and the submission time), so
 * the migration that introduced this version recomputed it for existing rows with the same steps in
 * SQL (prisma/migrations/20261201030000_audit_refuses_truncate). Every character class below is an
 * explicit range, not a locale's idea of "letter", so that the two give the same key; change one
 * only together with a new migration that recomputes the keys.
 */

/** Legal forms, written as their letters only: "S.p.A." is "spa", "Sp. z o.o." is "spzoo". */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  // German-speaking countries
  'ag', 'gmbh', 'mbh', 'gesmbh', 'ug', 'kg', 'kgaa', 'ohg', 'gbr', 'ev', 'se',
  // French-, Italian- and Spanish-speaking countries, Portugal
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'sca', 'cie', 'sagl', 'spa', 'srl', 'sl', 'slu', 'sau', 'lda', 'ltda',
  // Benelux
  'bv', 'nv', 'bvba', 'vof', 'cv', 'sprl', 'scrl',
  // Nordic countries
  'ab', 'oy', 'oyj', 'as', 'asa', 'aps',
  // Central and Eastern Europe
  'sro', 'doo', 'dd', 'kft', 'zrt', 'nyrt', 'spzoo',
  // English-speaking countries
  'ltd', 'limited', 'plc', 'llc', 'llp', 'lp', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'pty', 'pvt',
])

/** Words that join names and are spelt out or not: "Smith & Sons" is "Smith and Sons". */
const CONNECTORS: ReadonlySet<string> = new Set(['and', 'und', 'et'])

// Trade mark signs, which NFKD would spell out as letters ("™" = "TM").
const TRADE_MARKS = /[\u00a9\u00ae\u2120\u2122]/g
// Combining marks that NFKD splits off accented letters (é = e + U+0301).
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g
// ASCII and Latin-1 punctuation and symbols, general punctuation, spaces of every width.
const SEPARATORS = /[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u206f\u3000]+/g
// Letters that NFKD does not decompose.
const LETTERS_TO_SPELL: readonly (readonly [string, string])[] = [
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ı', 'i'],
  // JavaScript lower-cases a final capital sigma to ς, PostgreSQL to σ: one spelling for both.
  ['ς', 'σ'],
]

/** A legal form spelt over several tokens ("s p a", "sp z o o") only counts when each token is this short. */
const MAX_SPLIT_FORM_TOKEN_LENGTH = 2
/** The longest legal form in tokens: "s a r l", "sp z o o". */
const MAX_FORM_TOKENS = 4

export function supplierKeyOf(name: string): string {
  return supplierNameWords(name).join('')
}

/**
 * The words of a supplier's name as the key sees them: case, accents, punctuation, the joining words
 * and the trailing legal forms gone. The key joins them with nothing; the supplier register's
 * normalised name (app/industrial-return/suppliers/normalise-supplier-name.ts) with one space.
 */
export function supplierNameWords(name: string): string[] {
  let folded = name.replace(TRADE_MARKS, ' ').normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()
  for (const [letter, spelt] of LETTERS_TO_SPELL) folded = folded.replaceAll(letter, spelt)
  const tokens = folded
    .replace(SEPARATORS, ' ')
    .trim()
    .split(' ')
    .filter((token) => token !== '' && !CONNECTORS.has(token))
  return withoutTrailingLegalForms(tokens)
}

/** Drops legal forms from the end, the longest first, repeatedly ("GmbH & Co. KG"); never the whole name. */
function withoutTrailingLegalForms(tokens: string[]): string[] {
  let rest = tokens
  for (;;) {
    const formLength = trailingLegalFormLength(rest)
    if (formLength === 0) return rest
    rest = rest.slice(0, rest.length - formLength)
  }
}

function trailingLegalFormLength(tokens: string[]): number {
  for (let length = Math.min(MAX_FORM_TOKENS, tokens.length - 1); length >= 1; length--) {
    const tail = tokens.slice(tokens.length - length)
    if (length > 1 && tail.some((token) => token.length > MAX_SPLIT_FORM_TOKEN_LENGTH)) continue
    if (LEGAL_FORMS.has(tail.join(''))) return length
  }
  return 0
}
