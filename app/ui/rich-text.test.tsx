import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { RichText } from './rich-text'

const markup = (text: string, parts: React.ReactElement[]) => renderToStaticMarkup(<RichText text={text} parts={parts} />)

describe('RichText', () => {
  test('wraps the words of <0>…</0> in the part, and puts an empty <0></0> part as it is', () => {
    expect(markup('Import in progress: <0>follow it</0>. Then look.', [<a key="l" href="/import/1" />])).toBe('Import in progress: <a href="/import/1">follow it</a>. Then look.')
    expect(markup('<0></0> by Paula', [<time key="t" dateTime="2026-12-01">1 Dec 2026</time>])).toBe('<time dateTime="2026-12-01">1 Dec 2026</time> by Paula')
  })

  test('several parts in the order the language puts them', () => {
    expect(markup('<1>b</1> then <0>a</0>', [<em key="a" />, <strong key="b" />])).toBe('<strong>b</strong> then <em>a</em>')
  })

  test('text is never read as HTML, and a tag without its part keeps only its words', () => {
    expect(markup('A <b>bold</b> name & <0>x</0> <3>lost</3>', [<i key="i" />])).toBe('A &lt;b&gt;bold&lt;/b&gt; name &amp; <i>x</i> lost')
  })
})
