// The demo organisation SoleSource starts with (`npm run db:seed`, or automatically on first start
// with the embedded database). Every write is keyed by a natural key, so seeding twice changes nothing.
import { pathToFileURL } from 'node:url'
import type { Database } from '~/db/client.server'
import { DEFAULT_SIGNATURE_POLICY } from '~/workflow/signature-policy'

type Membership = 'MEMBER' | 'ASSOCIATE' | 'OTHER'

/** Countries with their relation to the organisation (demo data modelled on CERN in 2025). */
export const DEMO_COUNTRIES: [code: string, name: string, membership: Membership][] = [
  ['AT', 'Austria', 'MEMBER'], ['BE', 'Belgium', 'MEMBER'], ['BG', 'Bulgaria', 'MEMBER'],
  ['CH', 'Switzerland', 'MEMBER'], ['CZ', 'Czechia', 'MEMBER'], ['DE', 'Germany', 'MEMBER'],
  ['DK', 'Denmark', 'MEMBER'], ['EE', 'Estonia', 'MEMBER'], ['ES', 'Spain', 'MEMBER'],
  ['FI', 'Finland', 'MEMBER'], ['FR', 'France', 'MEMBER'], ['GB', 'United Kingdom', 'MEMBER'],
  ['GR', 'Greece', 'MEMBER'], ['HU', 'Hungary', 'MEMBER'], ['IL', 'Israel', 'MEMBER'],
  ['IT', 'Italy', 'MEMBER'], ['NL', 'Netherlands', 'MEMBER'], ['NO', 'Norway', 'MEMBER'],
  ['PL', 'Poland', 'MEMBER'], ['PT', 'Portugal', 'MEMBER'], ['RO', 'Romania', 'MEMBER'],
  ['RS', 'Serbia', 'MEMBER'], ['SE', 'Sweden', 'MEMBER'], ['SI', 'Slovenia', 'MEMBER'],
  ['SK', 'Slovakia', 'MEMBER'],
  ['BR', 'Brazil', 'ASSOCIATE'], ['CY', 'Cyprus', 'ASSOCIATE'], ['HR', 'Croatia', 'ASSOCIATE'],
  ['IE', 'Ireland', 'ASSOCIATE'], ['IN', 'India', 'ASSOCIATE'], ['LT', 'Lithuania', 'ASSOCIATE'],
  ['LV', 'Latvia', 'ASSOCIATE'], ['PK', 'Pakistan', 'ASSOCIATE'], ['TR', 'Türkiye', 'ASSOCIATE'],
  ['UA', 'Ukraine', 'ASSOCIATE'],
  ['AU', 'Australia', 'OTHER'], ['CA', 'Canada', 'OTHER'], ['CN', 'China', 'OTHER'],
  ['JP', 'Japan', 'OTHER'], ['KR', 'South Korea', 'OTHER'], ['US', 'United States', 'OTHER'],
]

type DemoGroup = { code: string; name: string; leader: string; deputy: string; requesters: string[] }
type DemoDepartment = { code: string; name: string; head: string; deputyHead: string; groups: DemoGroup[] }

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    code: 'EN', name: 'Engineering', head: 'Elena Navarro', deputyHead: 'Erik Nilsen',
    groups: [
      { code: 'EN-MME', name: 'Mechanical and Materials Engineering', leader: 'Marta Mendes', deputy: 'Mikko Mäkinen', requesters: ['Rita Romano', 'Ruben Rasmussen'] },
      { code: 'EN-EL', name: 'Electrical Engineering', leader: 'Luca Leone', deputy: 'Lena Lindqvist', requesters: ['Emil Eriksen'] },
      { code: 'EN-CV', name: 'Cooling and Ventilation', leader: 'Carla Costa', deputy: 'Viktor Varga', requesters: ['Chloé Caron'] },
    ],
  },
  {
    code: 'TE', name: 'Technology', head: 'Tomas Eklund', deputyHead: 'Teresa Esposito',
    groups: [
      { code: 'TE-MSC', name: 'Magnets, Superconductors and Cryostats', leader: 'Martin Schulz', deputy: 'Sofia Costa', requesters: ['Rosa Rossi', 'Raphaël Roux'] },
      { code: 'TE-VSC', name: 'Vacuum, Surfaces and Coatings', leader: 'Vera Sokolova', deputy: 'Silvia Conti', requesters: ['Paolo Pellegrini'] },
      { code: 'TE-CRG', name: 'Cryogenics', leader: 'Claude Renard', deputy: 'Greta Gruber', requesters: ['Ines Iglesias'] },
    ],
  },
  {
    code: 'IT', name: 'Information Technology', head: 'Ingrid Tanaka', deputyHead: 'Ivo Toth',
    groups: [
      { code: 'IT-CD', name: 'Collaboration, Devices and Applications', leader: 'Clara Duval', deputy: 'Daan de Vries', requesters: ['Nora Nowak'] },
      { code: 'IT-CF', name: 'Computing Facilities', leader: 'Felix Fischer', deputy: 'Franka Fabian', requesters: ['Jonas Jansen'] },
    ],
  },
  {
    code: 'EP', name: 'Experimental Physics', head: 'Eva Petrova', deputyHead: 'Piotr Kowalski',
    groups: [
      { code: 'EP-DT', name: 'Detector Technologies', leader: 'Dorota Tomaszewska', deputy: 'Tobias Dahl', requesters: ['Anna Andersson', 'Hugo Hansen'] },
      { code: 'EP-ESE', name: 'Electronic Systems for Experiments', leader: 'Emma Steiner', deputy: 'Stefan Ene', requesters: ['Olga Orlova'] },
    ],
  },
  {
    code: 'FAP', name: 'Finance and Administrative Processes', head: 'Francesca Amato', deputyHead: 'Paul Aubert',
    groups: [
      { code: 'FAP-PRO', name: 'Procurement', leader: 'Peter Olsen', deputy: 'Priya Rao', requesters: ['Paula Procurement'] },
    ],
  },
]

export const DEMO_PROCUREMENT_OFFICER = 'Paula Procurement'
export const DEMO_ADMINISTRATOR = { name: 'Alex Admin', groupCode: 'IT-CD' }
/** Organisation-wide signatories: the top of escalation, and the Finance Committee tier if published. */
export const DEMO_DIRECTOR = { name: 'Diane Rochat', groupCode: 'FAP-PRO' }
export const DEMO_FINANCE_COMMITTEE = { name: 'Frederik Vogel', groupCode: 'FAP-PRO' }

/** Demo exchange rates (CHF per unit), valid from 1 January 2026: procurement maintains the real ones. */
export const DEMO_EXCHANGE_RATES: [currency: string, chfPerUnit: string][] = [
  ['EUR', '0.9412'], ['USD', '0.8830'], ['GBP', '1.1050'], ['SEK', '0.0850'], ['NOK', '0.0820'],
  ['DKK', '0.1262'], ['PLN', '0.2200'], ['CZK', '0.0375'],
]
export const DEMO_RATES_VALID_FROM = new Date('2026-01-01T00:00:00Z')
export const DEMO_POSITIONS_START = new Date('2020-01-01T00:00:00Z')

export function demoEmail(name: string) {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  return `${ascii.replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@example.org`
}

export type SeedReport = { countries: number; departments: number; groups: number; people: number; positionsCreated: number }

export async function seedDemoData(db: Database): Promise<SeedReport> {
  for (const [code, name, membership] of DEMO_COUNTRIES) {
    await db.country.upsert({ where: { code }, create: { code, name, membership }, update: {} })
  }

  const personIdByName = new Map<string, string>()
  const upsertPerson = async (name: string, groupId: string, flags: { isProcurementOfficer?: boolean; isAdministrator?: boolean } = {}) => {
    const person = await db.person.upsert({
      where: { email: demoEmail(name) },
      create: { email: demoEmail(name), name, groupId, ...flags },
      update: {},
    })
    personIdByName.set(name, person.id)
    return person.id
  }

  let positionsCreated = 0
  const ensurePosition = async (position: {
    kind: 'GROUP_LEADER' | 'DEPARTMENT_HEAD' | 'DEPUTY' | 'DIRECTOR' | 'FINANCE_COMMITTEE'
    personId: string
    groupId?: string
    departmentId?: string
    deputyForPersonId?: string
  }) => {
    const existing = await db.position.findFirst({ where: { ...position, startsOn: DEMO_POSITIONS_START } })
    if (existing) return
    await db.position.create({ data: { ...position, startsOn: DEMO_POSITIONS_START } })
    positionsCreated++
  }

  let groupCount = 0
  for (const department of DEMO_DEPARTMENTS) {
    const { id: departmentId } = await db.department.upsert({
      where: { code: department.code },
      create: { code: department.code, name: department.name },
      update: {},
    })
    let firstGroupId: string | null = null
    for (const group of department.groups) {
      groupCount++
      const { id: groupId } = await db.group.upsert({
        where: { code: group.code },
        create: { code: group.code, name: group.name, departmentId },
        update: {},
      })
      firstGroupId ??= groupId
      const leaderId = await upsertPerson(group.leader, groupId)
      const deputyId = await upsertPerson(group.deputy, groupId)
      for (const requester of group.requesters) {
        await upsertPerson(requester, groupId, { isProcurementOfficer: requester === DEMO_PROCUREMENT_OFFICER })
      }
      await ensurePosition({ kind: 'GROUP_LEADER', personId: leaderId, groupId })
      await ensurePosition({ kind: 'DEPUTY', personId: deputyId, deputyForPersonId: leaderId })
    }
    const headId = await upsertPerson(department.head, firstGroupId!)
    const deputyHeadId = await upsertPerson(department.deputyHead, firstGroupId!)
    await ensurePosition({ kind: 'DEPARTMENT_HEAD', personId: headId, departmentId })
    await ensurePosition({ kind: 'DEPUTY', personId: deputyHeadId, deputyForPersonId: headId })
  }

  const adminGroup = await db.group.findUniqueOrThrow({ where: { code: DEMO_ADMINISTRATOR.groupCode } })
  await upsertPerson(DEMO_ADMINISTRATOR.name, adminGroup.id, { isAdministrator: true })
  for (const [holder, kind] of [[DEMO_DIRECTOR, 'DIRECTOR'], [DEMO_FINANCE_COMMITTEE, 'FINANCE_COMMITTEE']] as const) {
    const group = await db.group.findUniqueOrThrow({ where: { code: holder.groupCode } })
    await ensurePosition({ kind, personId: await upsertPerson(holder.name, group.id) })
  }

  if ((await db.signaturePolicy.count()) === 0) {
    await db.signaturePolicy.create({
      data: {
        version: DEFAULT_SIGNATURE_POLICY.version,
        effectiveFrom: new Date(`${DEFAULT_SIGNATURE_POLICY.effectiveFrom}T00:00:00Z`),
        tiers: DEFAULT_SIGNATURE_POLICY.tiers,
      },
    })
  }
  for (const [currency, chfPerUnit] of DEMO_EXCHANGE_RATES) {
    await db.exchangeRate.upsert({
      where: { currency_validFrom: { currency, validFrom: DEMO_RATES_VALID_FROM } },
      create: { currency, validFrom: DEMO_RATES_VALID_FROM, chfPerUnit },
      update: {},
    })
  }

  return {
    countries: DEMO_COUNTRIES.length,
    departments: DEMO_DEPARTMENTS.length,
    groups: groupCount,
    people: personIdByName.size,
    positionsCreated,
  }
}

// `npm run db:seed`: seed DATABASE_URL, or the embedded database in DATA_DIR.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { getEnv } = await import('~/env.server')
  const { startEmbeddedPostgres } = await import('~/db/embedded-postgres.server')
  const { migrate } = await import('~/db/migrate.server')
  const { createDatabaseClient } = await import('~/db/client.server')
  const env = getEnv()
  const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: env.DATA_DIR })
  const url = env.DATABASE_URL ?? embedded!.url
  await migrate(url)
  const db = createDatabaseClient(url)
  const { seedReturnDemoData } = await import('./seed-industrial-return')
  console.log(JSON.stringify({ ...(await seedDemoData(db)), ...(await seedReturnDemoData(db)) }))
  await db.$disconnect()
  await embedded?.stop()
}
