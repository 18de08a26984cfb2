import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { catalogues } from './catalogues.server'
import { LANGUAGES, type Language } from './languages'
import { NAMESPACES } from './namespaces'

// i18next's plural keys end in the CLDR category (Intl.PluralRules, the rules ICU implements):
// English has one and other; French one, many and other (0 and 1 are singular in French).
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

type Flat = Map<string, string>

function flatten(messages: object, prefix = '', into: Flat = new Map()): Flat {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') into.set(path, value)
    else if (value && typeof value === 'object') flatten(value, path, into)
    else throw new Error(`${path} is neither a message nor a group of messages`)
  }
  return into
}

/** Each message's key without its plural category, with the categories it has. */
function messagesOf(language: Language) {
  const all = new Map<string, { categories: Set<string>; texts: string[] }>()
  for (const namespace of NAMESPACES) {
    for (const [key, text] of flatten(catalogues[language][namespace])) {
      const base = `${namespace}:${key.replace(PLURAL_SUFFIX, '')}`
      const entry = all.get(base) ?? { categories: new Set(), texts: [] }
      const category = PLURAL_SUFFIX.exec(key)?.[1]
      if (category) entry.categories.add(category)
      entry.texts.push(text)
      all.set(base, entry)
    }
  }
  return all
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]).sort()

describe('the English and French catalogues', () => {
  const english = messagesOf('en')
  const french = messagesOf('fr')

  test('every message exists in both languages', () => {
    const onlyEnglish = [...english.keys()].filter((key) => !french.has(key))
    const onlyFrench = [...french.keys()].filter((key) => !english.has(key))
    expect({ onlyEnglish, onlyFrench }).toEqual({ onlyEnglish: [], onlyFrench: [] })
  })

  test('a counted message has every plural form its language needs, and no other', () => {
    const wrong: string[] = []
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories.sort().join(',')
      for (const [key, { categories }] of messagesOf(language)) {
        if (categories.size > 0 && [...categories].sort().join(',') !== needed) wrong.push(`${language} ${key}: ${[...categories].sort().join(',')} (needs ${needed})`)
      }
      // Every counted message in one language is counted in the other.
      const other = language === 'en' ? french : english
      for (const [key, { categories }] of messagesOf(language)) {
        if (categories.size > 0 && other.get(key)?.categories.size === 0) wrong.push(`${key} is counted in ${language} only`)
      }
    }
    expect(wrong).toEqual([])
  })

  test('both languages fill in the same values, and no message is empty', () => {
    const wrong: string[] = []
    for (const [key, { texts }] of english) {
      const frenchTexts = french.get(key)?.texts ?? []
      const englishValues = [...new Set(texts.flatMap(placeholders))].sort().join(',')
      const frenchValues = [...new Set(frenchTexts.flatMap(placeholders))].sort().join(',')
      if (englishValues !== frenchValues) wrong.push(`${key}: {{${englishValues}}} in English, {{${frenchValues}}} in French`)
      if ([...texts, ...frenchTexts].some((text) => text.trim() === '')) wrong.push(`${key} is empty`)
    }
    expect(wrong).toEqual([])
  })

  test('French messages follow the glossary (docs/glossary-fr.md)', () => {
    const glossary = readFileSync(new URL('../../docs/glossary-fr.md', import.meta.url), 'utf8')
    const section = glossary.split('Words used without a check')[0] ?? ''
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| English') && !line.startsWith('|---'))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, englishTerm = '', , checkedAs = '']) => ({ englishTerm: englishTerm.toLowerCase(), forms: checkedAs.split(' / ').map((form) => form.toLowerCase()) }))
    expect(rows.length).toBeGreaterThan(10)
    const wrong: string[] = []
    for (const [key, { texts }] of english) {
      const frenchText = (french.get(key)?.texts ?? []).join(' ').toLowerCase().replaceAll("'", '’')
      for (const { englishTerm, forms } of rows) {
        // The longest term that matches decides ("very poorly balanced" is not also checked as "poorly balanced").
        const englishText = texts.join(' ').toLowerCase()
        if (!englishText.includes(englishTerm)) continue
        const longer = rows.find((row) => row.englishTerm !== englishTerm && row.englishTerm.includes(englishTerm) && englishText.includes(row.englishTerm))
        if (longer && englishText.split(longer.englishTerm).join('').includes(englishTerm) === false) continue
        if (!forms.some((form) => frenchText.includes(form))) wrong.push(`${key}: “${englishTerm}” but none of ${forms.join(' / ')} in “${frenchText}”`)
      }
    }
    expect(wrong).toEqual([])
  })
})
