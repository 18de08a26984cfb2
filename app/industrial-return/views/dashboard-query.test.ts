import { describe, expect, test } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { translated } from './format'
import { parseDashboardQuery, readAskedWindow, type WindowErrors } from './dashboard-query'

// The messages travel as keys; the page shows them in its reader's language (French no-break spaces read as spaces here).
const inLanguage = (language: 'en' | 'fr', errors: WindowErrors) =>
  Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, translated(translatorFor(language, 'industrial-return'), text!).replaceAll('\u00a0', ' ')]))
const asked = (query: string) => {
  const read = readAskedWindow(new URLSearchParams(query))
  return { ...read, errors: inLanguage('en', read.errors) }
}
const inputs = { statusYear: 2026, policy: { windowYears: 4 } } as Parameters<typeof parseDashboardQuery>[1]

describe('the window a dashboard address asks for', () => {
  test('two years in order are the window; none is the default, without a message', () => {
    expect(asked('from=2020&to=2023')).toEqual({ window: { fromYear: 2020, toYear: 2023 }, errors: {}, asked: { from: '2020', to: '2023' } })
    expect(asked('from=2009&to=2009').window).toEqual({ fromYear: 2009, toYear: 2009 })
    expect(asked('')).toEqual({ window: null, errors: {}, asked: null })
    expect(asked('category=SERVICES&from=&to=')).toEqual({ window: null, errors: {}, asked: null })
  })

  test('nonsense is refused with a message on the field it belongs to', () => {
    expect(asked('from=abc').errors).toEqual({ from: '“abc” is not a year: give four digits, e.g. 2022.', to: 'Give the last year of the window as well.' })
    expect(asked('from=abc&to=2023').errors).toEqual({ from: '“abc” is not a year: give four digits, e.g. 2022.' })
    expect(asked('from=2020&to=1800').errors).toEqual({ to: 'Give a year between 1950 and 2200.' })
    expect(asked('to=2023').errors).toEqual({ from: 'Give the first year of the window as well.' })
    expect(asked('from=20201&to=2023').errors.from).toMatch(/is not a year/)
  })

  test('the messages read in French for a French reader', () => {
    const errors = readAskedWindow(new URLSearchParams('from=abc&to=2025')).errors
    expect(inLanguage('fr', errors)).toEqual({ from: '« abc » n’est pas une année : indiquez quatre chiffres, par exemple 2022.' })
    expect(inLanguage('fr', readAskedWindow(new URLSearchParams('from=1990&to=2015')).errors)).toEqual({ to: 'Une période compte au plus 25 ans : indiquez 2014 ou une année antérieure.' })
  })

  test('years out of order, or a window too long, are refused on the last year', () => {
    expect(asked('from=2025&to=2022')).toEqual({ window: null, errors: { to: 'The last year comes before the first (2025): give 2025 or later, or swap the two.' }, asked: { from: '2025', to: '2022' } })
    expect(asked('from=1990&to=2014').window).toEqual({ fromYear: 1990, toYear: 2014 })
    expect(asked('from=1990&to=2015').errors).toEqual({ to: 'A window spans at most 25 years: give 2014 or earlier.' })
  })

  test('the dashboard shows the default window beside the messages, and gives back what was typed', () => {
    const query = parseDashboardQuery(new URLSearchParams('from=2025&to=2022&category=SERVICES'), inputs)
    expect(query).toMatchObject({ window: { fromYear: 2022, toYear: 2025 }, category: 'SERVICES', askedWindow: { from: '2025', to: '2022' } })
    expect(inLanguage('en', query.windowErrors).to).toMatch(/before the first/)
    expect(parseDashboardQuery(new URLSearchParams('from=2020&to=2021'), inputs)).toMatchObject({ window: { fromYear: 2020, toYear: 2021 }, windowErrors: {}, askedWindow: null })
  })
})
