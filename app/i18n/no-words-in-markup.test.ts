import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { expect, test } from 'vitest'

/**
 * Words written straight into the markup are shown in English to a French reader, and the tour of
 * every page in French (tests/e2e/every-page-in-french.spec.ts) only recognises the English
 * catalogue's own sentences: a sentence typed in a component is in no catalogue. So no component
 * has words in its JSX text or in its text attributes; they come from a catalogue through `t`.
 *
 * What is the same in every language is allowed: text inside <code> (a file's columns, an example
 * to type as shown), a technical name, an example address.
 */
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'alt', 'placeholder', 'label'])
const SAME_IN_EVERY_LANGUAGE = new Set(['SHA-256', 'SoleSource'])
const EXAMPLE_ADDRESS = /^[a-z.]+@example\.org$/
const HAS_WORDS = /\p{L}{2,}/u

function wordsInMarkup(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().trim()
      const element = node.parent
      const inCode = ts.isJsxElement(element) && element.openingElement.tagName.getText() === 'code'
      if (HAS_WORDS.test(text) && !inCode && !SAME_IN_EVERY_LANGUAGE.has(text)) found.push(`${where(node)}: ${text}`)
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const text = node.initializer.text
      if (HAS_WORDS.test(text) && !EXAMPLE_ADDRESS.test(text)) found.push(`${where(node)}: ${node.getText()}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

test('no component writes words into its markup: every word a page shows comes from a catalogue', () => {
  const components = execSync("git ls-files 'app/*.tsx' 'app/**/*.tsx' 'emails/*.tsx' 'emails/**/*.tsx'", { encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && !/\.test\.tsx$/.test(file))
  expect(components.length).toBeGreaterThan(50)
  expect(components.flatMap((file) => wordsInMarkup(file))).toEqual([])
})

test('the check finds words in text and in text attributes, and leaves <code>, technical names and example addresses alone', () => {
  const sample = `export const A = () => (
    <p title="Read me" placeholder="rita.romano@example.org">
      Hello there <code>year,country</code> SHA-256 {t('ok')} <input aria-label={t('fine')} />
    </p>
  )`
  expect(wordsInMarkup('sample.tsx', sample)).toEqual(['sample.tsx:2: title="Read me"', 'sample.tsx:3: Hello there'])
})
