import { message } from '~/i18n/message'

// What the record, edit and delete use cases answer (client-safe types: the routes reply with them).

export type IndustryDayField = 'kind' | 'heldOn' | 'countryCode' | 'theme' | 'companies'

export type IndustryDayOutcome =
  | { ok: true; id: string; heldOn: string }
  | { ok: false; notFound?: boolean; fieldErrors?: Partial<Record<IndustryDayField, string[]>>; formError?: string }

// Messages (app/i18n/message.ts), said in the reader's language on the page.
export const STALE_EDIT = message('return-data:industryDays.errors.stale')
export const GONE = message('return-data:industryDays.errors.gone')
