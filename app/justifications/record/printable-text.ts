// Text a PDF font cannot draw is replaced by a visible "?" rather than left to come out as empty
// boxes or be dropped: a record must not silently read differently from what was filed. Pure.

/** The characters of Windows-1252 (WinAnsi) beyond Latin-1, which PDF's standard fonts also draw. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

export function coveredByWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WIN_ANSI_EXTRAS.has(String.fromCodePoint(codePoint))
}

export const REPLACEMENT = '?'

/** The text with every character `covers` refuses replaced (line breaks and tabs kept), and whether any was. */
export function printableText(text: string, covers: (codePoint: number) => boolean): { text: string; replaced: boolean } {
  let replaced = false
  let out = ''
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0)!
    if (char === '\n' || char === '\t' || covers(codePoint)) out += char
    else {
      out += REPLACEMENT
      replaced = true
    }
  }
  return { text: out, replaced }
}
