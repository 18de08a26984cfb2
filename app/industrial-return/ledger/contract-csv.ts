/**
 * The CSV format for importing contracts, and the validation of one row. Pure: lookups (countries,
 * departments, groups, exchange rates) are passed in, so the same code serves the import job and tests.
 *
 * Format (header required, columns in any order, UTF-8, comma-separated, quotes around fields with commas):
 *
 *   order_number   required, unique across the ledger (letters, digits, - _ / .), up to 64 characters
 *   award_date     required, YYYY-MM-DD
 *   supplier       required, the supplier's name
 *   category       required, SUPPLIES or SERVICES
 *   origin_country optional, ISO alpha-2: where the goods were made (supplies count for it;
 *                  when empty, supplies count for the establishment country)
 *   establishment_country  required, ISO alpha-2: where the supplier is established (services count for it)
 *   amount         required, positive, at most two decimals, e.g. 12500.00 or 12'500.00
 *   currency       required, e.g. CHF, EUR
 *   exchange_rate  optional, CHF per unit (e.g. 0.9412); when empty for a foreign currency, the rate
 *                  table's rate in force on the award date is used
 *   department     required, department code, e.g. EN
 *   group          optional, group code within that department, e.g. EN-MME
 */
import { message } from '~/i18n/message'
import { parseAmount } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { isIsoDate } from '~/calendar/calendar-date'
import { amountProblemMessage, chfEquivalentOrProblem } from './amount-messages.ts'
import { messageList } from './message-list.ts'

export const CONTRACT_CSV_COLUMNS = [
  'order_number',
  'award_date',
  'supplier',
  'category',
  'origin_country',
  'establishment_country',
  'amount',
  'currency',
  'exchange_rate',
  'department',
  'group',
] as const
export type ContractCsvColumn = (typeof CONTRACT_CSV_COLUMNS)[number]
const OPTIONAL_COLUMNS: readonly ContractCsvColumn[] = ['origin_country', 'exchange_rate', 'group']

export const CONTRACT_CSV_TEMPLATE = [
  CONTRACT_CSV_COLUMNS.join(','),
  "PO-2025-000123,2025-03-14,Precision Magnets SA,SUPPLIES,IT,CH,125000.00,CHF,,TE,TE-MSC",
  'PO-2025-000124,2025-04-02,"Cryo Services, GmbH",SERVICES,,DE,48000.00,EUR,0.9412,TE,TE-CRG',
  '',
].join('\n')

export type ColumnMap = Record<ContractCsvColumn, number>

/**
 * Where each column is, or a message for the whole file (a fatal error: nothing is imported). The
 * column names are machine identifiers, the same in every language: the template and every file
 * made from it keep working whatever the language of the person importing it.
 */
export function readContractHeader(headerFields: readonly string[]): { ok: true; columns: ColumnMap } | { ok: false; message: string } {
  const names = headerFields.map((name) => name.trim().toLowerCase())
  const unknown = names.filter((name) => name !== '' && !(CONTRACT_CSV_COLUMNS as readonly string[]).includes(name))
  const duplicated = names.filter((name, i) => name !== '' && names.indexOf(name) !== i)
  const missing = CONTRACT_CSV_COLUMNS.filter((name) => !OPTIONAL_COLUMNS.includes(name) && !names.includes(name))
  const problems = [
    missing.length ? message('return-data:import.file.missingColumns', { count: missing.length, columns: missing.join(', ') }) : null,
    unknown.length ? message('return-data:import.file.unknownColumns', { count: unknown.length, columns: unknown.join(', ') }) : null,
    duplicated.length ? message('return-data:import.file.twiceColumns', { count: duplicated.length, columns: duplicated.join(', ') }) : null,
  ].filter((problem): problem is string => problem !== null)
  if (problems.length > 0) {
    return { ok: false, message: message('return-data:import.file.header', { header: CONTRACT_CSV_COLUMNS.join(','), problems: messageList(problems) }) }
  }
  const columns = Object.fromEntries(CONTRACT_CSV_COLUMNS.map((name) => [name, names.indexOf(name)])) as ColumnMap
  return { ok: true, columns }
}

export interface ContractLookups {
  /** Known country codes (after aliases EL -> GR, UK -> GB). */
  countryCodes: ReadonlySet<string>
  departmentsByCode: ReadonlyMap<string, string>
  groupsByCode: ReadonlyMap<string, { id: string; departmentId: string }>
  /** The rate table's rate in force on a date: CHF per unit and its date, or null. */
  rateOn: (currency: string, isoDate: string) => { rate: string; validFrom: string } | null
  /** Award dates after this day are refused (a contract is recorded once awarded). */
  today: string
}

export interface ValidContractRow {
  orderNumber: string
  awardedOn: string
  supplierName: string
  category: 'SUPPLIES' | 'SERVICES'
  originCountryCode: string | null
  establishmentCountryCode: string
  returnCountryCode: string
  amountMinor: number
  currency: string
  amountChfMinor: number
  exchangeRate: string
  exchangeRateDate: string
  departmentId: string
  groupId: string | null
}

/** A refused row's reasons are messages (app/i18n/message.ts), said in the reader's language where shown. */
export type RowValidation = { ok: true; row: ValidContractRow } | { ok: false; orderNumber: string | null; reasons: string[] }

const ORDER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,63}$/
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' }

export const normaliseCountryCode = (text: string): string => {
  const code = text.trim().toUpperCase()
  return COUNTRY_ALIASES[code] ?? code
}

/** Supplies count for the origin of the goods (establishment when none is known); services for establishment. */
export function returnCountryOf(category: 'SUPPLIES' | 'SERVICES', originCountryCode: string | null, establishmentCountryCode: string): string {
  return category === 'SUPPLIES' ? (originCountryCode ?? establishmentCountryCode) : establishmentCountryCode
}

/** A field quoted in a reason: at most 100 characters of it, so that a row's reasons stay short. */
const quoted = (text: string) => (text.length > 100 ? `${text.slice(0, 100)}…` : text)

export function validateContractRow(fields: readonly string[], columns: ColumnMap, lookups: ContractLookups): RowValidation {
  const get = (name: ContractCsvColumn) => (columns[name] === -1 ? '' : (fields[columns[name]] ?? '').trim())
  const shown = (name: ContractCsvColumn) => quoted(get(name))
  const reasons: string[] = []

  const orderNumber = get('order_number')
  if (orderNumber === '') reasons.push(message('return-data:import.reason.noOrderNumber'))
  else if (!ORDER_NUMBER.test(orderNumber)) reasons.push(message('return-data:import.reason.orderNumberFormat', { orderNumber: quoted(orderNumber) }))

  const dateText = get('award_date')
  let awardedOn: string | null = null
  if (isIsoDate(dateText)) awardedOn = dateText
  else {
    reasons.push(dateText === '' ? message('return-data:import.reason.noAwardDate') : message('return-data:import.reason.awardDateFormat', { date: quoted(dateText) }))
  }
  if (awardedOn && awardedOn > lookups.today) {
    reasons.push(message('return-data:import.reason.awardDateFuture', { date: awardedOn }))
    awardedOn = null
  }

  const supplierName = get('supplier')
  if (supplierName === '') reasons.push(message('return-data:import.reason.noSupplier'))
  else if (supplierName.length > 200) reasons.push(message('return-data:import.reason.supplierTooLong', { max: 200 }))

  const categoryText = get('category').toUpperCase()
  const category = categoryText === 'SUPPLIES' || categoryText === 'SERVICES' ? categoryText : null
  if (!category) reasons.push(categoryText === '' ? message('return-data:import.reason.noCategory') : message('return-data:import.reason.categoryUnknown', { category: shown('category') }))

  const country = (column: 'origin_country' | 'establishment_country', which: 'origin' | 'establishment', required: boolean): string | null => {
    const raw = get(column)
    if (raw === '') {
      if (required) reasons.push(message(`return-data:import.reason.${which}.none`))
      return null
    }
    const code = normaliseCountryCode(raw)
    if (!lookups.countryCodes.has(code)) {
      reasons.push(message(`return-data:import.reason.${which}.unknown`, { code: quoted(raw) }))
      return null
    }
    return code
  }
  const originCountryCode = country('origin_country', 'origin', false)
  const establishmentCountryCode = country('establishment_country', 'establishment', true)

  const amountText = get('amount')
  const amount = parseAmount(amountText)
  if (!amount.ok) reasons.push(message('return-data:import.reason.amount', { amount: quoted(amountText), problem: amountProblemMessage(amount.problem) }))

  const currency = get('currency').toUpperCase()
  if (!isCurrency(currency)) reasons.push(currency === '' ? message('return-data:import.reason.noCurrency') : message('return-data:import.reason.currencyUnknown', { currency: shown('currency') }))

  let exchange: { rate: string; date: string } | null = null
  const rateText = get('exchange_rate')
  if (isCurrency(currency) && awardedOn) {
    if (currency === 'CHF') exchange = { rate: rateText === '' ? '1' : rateText, date: awardedOn }
    else if (rateText !== '') exchange = { rate: rateText, date: awardedOn }
    else {
      const fromTable = lookups.rateOn(currency, awardedOn)
      if (fromTable) exchange = { rate: fromTable.rate, date: fromTable.validFrom }
      else reasons.push(message('return-data:import.reason.noRate', { currency, date: awardedOn }))
    }
  }
  let amountChfMinor: number | null = null
  let exchangeRate: string | null = null
  if (exchange && amount.ok && isCurrency(currency)) {
    const converted = chfEquivalentOrProblem(amount.minor, currency, exchange.rate)
    if (converted.ok) {
      amountChfMinor = converted.chfMinor
      exchangeRate = converted.rate.text
    } else reasons.push(message('return-data:import.reason.rate', { rate: quoted(exchange.rate), problem: converted.message }))
  }

  const departmentCode = get('department').toUpperCase()
  const departmentId = departmentCode === '' ? undefined : lookups.departmentsByCode.get(departmentCode)
  if (departmentCode === '') reasons.push(message('return-data:import.reason.noDepartment'))
  else if (!departmentId) reasons.push(message('return-data:import.reason.unknownDepartment', { department: shown('department') }))

  const groupCode = get('group').toUpperCase()
  let groupId: string | null = null
  if (groupCode !== '') {
    const group = lookups.groupsByCode.get(groupCode)
    if (!group) reasons.push(message('return-data:import.reason.unknownGroup', { group: shown('group') }))
    else if (departmentId && group.departmentId !== departmentId) reasons.push(message('return-data:import.reason.groupNotInDepartment', { group: groupCode, department: departmentCode }))
    else groupId = group.id
  }

  if (reasons.length > 0 || !awardedOn || !category || !establishmentCountryCode || !amount.ok || amountChfMinor === null || !exchangeRate || !exchange || !departmentId) {
    return { ok: false, orderNumber: orderNumber || null, reasons }
  }
  return {
    ok: true,
    row: {
      orderNumber,
      awardedOn,
      supplierName,
      category,
      originCountryCode,
      establishmentCountryCode,
      returnCountryCode: returnCountryOf(category, originCountryCode, establishmentCountryCode),
      amountMinor: amount.minor,
      currency,
      amountChfMinor,
      exchangeRate,
      exchangeRateDate: exchange.date,
      departmentId,
      groupId,
    },
  }
}

/** Whether a row says the same as a contract already in the ledger (then importing it again changes nothing). */
export function sameContract(
  row: ValidContractRow,
  recorded: Pick<ValidContractRow, 'awardedOn' | 'supplierName' | 'category' | 'originCountryCode' | 'establishmentCountryCode' | 'amountMinor' | 'currency' | 'departmentId' | 'groupId'>,
): boolean {
  return (
    row.awardedOn === recorded.awardedOn &&
    row.supplierName === recorded.supplierName &&
    row.category === recorded.category &&
    row.originCountryCode === recorded.originCountryCode &&
    row.establishmentCountryCode === recorded.establishmentCountryCode &&
    row.amountMinor === recorded.amountMinor &&
    row.currency === recorded.currency &&
    row.departmentId === recorded.departmentId &&
    row.groupId === recorded.groupId
  )
}
