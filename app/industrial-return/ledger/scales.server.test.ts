import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from './in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { importContributionScalesCsv } from './scales.server.ts'
import { APP_URL, useReturnTestDatabase } from '../test-support.ts'

const NOW = new Date('2026-11-26T10:00:00Z')

describe('contribution scale import', () => {
  const database = useReturnTestDatabase()

  const importScale = (text: string, source = 'Council decision CERN/FC/9999') =>
    importContributionScalesCsv(database.db, text, { source, budgetChfMinor: null }, { actorId: database.officerId, now: NOW, appUrl: APP_URL })

  it('refuses a NUL character in the source or in the file, and stores nothing', async () => {
    const file = 'year,country_iso2,country,contribution_pct\n2024,CH,Switzerland,60\n2024,FR,France,40\n'
    const inSource = await importScale(file, 'Council\u0000 decision')
    expect(inSource).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/NUL character/) }] })
    const inFile = await importScale(file.replace('France', 'Fra\u0000nce'))
    expect(inFile).toMatchObject({ ok: false, errors: [{ line: 3, message: expect.stringMatching(/^Line 3 contains a NUL character/) }] })
    expect(await database.db.contributionScale.count()).toBe(0)
  })
})
