// What the record, edit and delete use cases answer (client-safe types: the routes reply with them).

export type IndustryDayField = 'kind' | 'heldOn' | 'countryCode' | 'theme' | 'companies'

export type IndustryDayOutcome =
  | { ok: true; id: string; heldOn: string }
  | { ok: false; notFound?: boolean; fieldErrors?: Partial<Record<IndustryDayField, string[]>>; formError?: string }

export const STALE_EDIT =
  'Someone changed this Industry Day after you opened it, so nothing was saved. Reload the page to see their change, then make yours again.'
export const GONE = 'This Industry Day has been deleted meanwhile.'
