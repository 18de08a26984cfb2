import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogues } from '~/i18n/catalogues.server'
import { translatorFor } from '~/i18n/i18n.server'
import { parseForm } from '~/ui/parse-form'
import { industryDaySchema } from '../industry-days/industry-day-form.ts'
import { readContractHeader, validateContractRow, CONTRACT_CSV_COLUMNS } from './contract-csv.ts'
import { messageList, translateList } from './message-list.ts'
import { rejectionText } from './rejection-text.ts'
import { splitCsvRecord } from '~/csv/read-csv'

const fr = translatorFor('fr', 'return-data')
const en = translatorFor('en', 'return-data')

describe('the return data in French', () => {
  it('says an import row’s reasons in the reader’s language, and a rejection stored in English as it was', () => {
    const header = readContractHeader(CONTRACT_CSV_COLUMNS)
    if (!header.ok) throw new Error('header')
    const lookups = { countryCodes: new Set(['CH']), departmentsByCode: new Map([['EN', 'd']]), groupsByCode: new Map(), rateOn: () => null, today: '2026-11-26' }
    const result = validateContractRow(splitCsvRecord('A-1,2024-05-01,,SUPPLIES,,CH,12.345,CHF,,EN,').fields, header.columns, lookups)
    if (result.ok) throw new Error('should be refused')
    const stored = messageList(result.reasons)
    expect(rejectionText(fr, { line: 5, reason: stored })).toBe(
      'Ligne 5 : pas de fournisseur ; montant « 12.345 » : Deux décimales au plus (les centimes). Pour grouper les milliers, utilisez \' ou une espace plutôt qu’un point (par exemple 10\'000.50 ou 10 000.50).',
    )
    expect(rejectionText(en, { line: 5, reason: stored })).toMatch(/^Line 5: no supplier; amount "12\.345": Use at most two decimals/)
    expect(rejectionText(fr, { line: 5, reason: 'Line 5: no supplier.' })).toBe('Line 5: no supplier.')
  })

  it('counts rejected rows with French plurals: 0 and 1 singular', () => {
    expect([0, 1, 2, 12].map((count) => fr('job.rejectedRows', { count }))).toEqual(['0 ligne rejetée', '1 ligne rejetée', '2 lignes rejetées', '12 lignes rejetées'])
    expect([1, 12].map((count) => en('job.rejectedRows', { count }))).toEqual(['1 row rejected', '12 rows rejected'])
    expect(translateList(fr, readContractHeader(['order', 'supplier', 'supplier']).ok ? '' : (readContractHeader(['order', 'supplier']) as { message: string }).message)).toMatch(
      /^La première ligne doit être l’en-tête .*colonnes manquantes : order_number, award_date.* ; colonne inconnue : order\.$/,
    )
  })

  it('says an Industry Day form’s mistakes in French, each company line with its number', () => {
    const form = new FormData()
    form.set('heldOn', '2026-02-30')
    form.set('companies', 'Acme; XX\nSans point-virgule')
    const submission = parseForm(form, { schema: industryDaySchema(['CH', 'FR']) })
    if (submission.status === 'success') throw new Error('should be refused')
    const said = Object.fromEntries(Object.entries(submission.error ?? {}).map(([field, errors]) => [field, (errors ?? []).map((error) => translateList(fr, error))]))
    expect(said).toEqual({
      kind: ['Indiquez si la journée est consacrée à un pays ou à un thème.'],
      heldOn: ['Saisissez une date, par ex. 2026-05-12.'],
      companies: [
        'Ligne 1 : le code de pays « XX » n’est pas l’un de ceux que l’organisation connaît.',
        'Ligne 2 : écrivez l’entreprise, un point-virgule et son code de pays, par ex. « Acme SA; FR ».',
      ],
    })
  })

  it('has a message for every return-data key the code names', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]))
    const root = new URL('../..', import.meta.url).pathname
    const keys = new Set<string>()
    for (const file of [...files(join(root, 'industrial-return')), ...files(join(root, 'routes'))].filter((f) => /\.tsx?$/.test(f))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'return-data:([A-Za-z0-9_.]+)'/g)) keys.add(match[1]!)
    }
    const has = (key: string) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues.en['return-data'])
      return value !== undefined || catalogues.en['return-data'] && key.split('.').reduce<unknown>((node, part, i, all) => (node as Record<string, unknown> | undefined)?.[i === all.length - 1 ? `${part}_one` : part], catalogues.en['return-data']) !== undefined
    }
    expect([...keys].filter((key) => !has(key))).toEqual([])
  })
})
