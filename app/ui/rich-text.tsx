import { cloneElement, type ReactElement, type ReactNode } from 'react'

const PLACED_PART = /<(\d+)>(.*?)<\/\1>/gs

/**
 * A translated sentence with elements inside it, as our messages write them: `<0>follow it</0>` wraps
 * those words in parts[0] (a link), `<0></0>` puts parts[0] there as it is (a date, a badge). What
 * react-i18next's <Trans> does for such messages, without the HTML parser it brings into every page's
 * JavaScript (about 3 KB of the 150 KB budget). Everything else is text: nothing is read as HTML.
 */
export function RichText({ text, parts }: { text: string; parts: readonly ReactElement[] }) {
  const nodes: ReactNode[] = []
  let shownUpTo = 0
  for (const match of text.matchAll(PLACED_PART)) {
    if (match.index > shownUpTo) nodes.push(text.slice(shownUpTo, match.index))
    const part = parts[Number(match[1])]
    const words = match[2] ?? ''
    if (!part) nodes.push(words)
    else if (words) nodes.push(cloneElement(part, { key: nodes.length }, words))
    else nodes.push(cloneElement(part, { key: nodes.length }))
    shownUpTo = match.index + match[0].length
  }
  if (shownUpTo < text.length) nodes.push(text.slice(shownUpTo))
  return <>{nodes}</>
}
