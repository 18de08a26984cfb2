import { z } from 'zod'
import { isIsoDate } from '~/calendar/calendar-date'
import { message } from '~/i18n/message'
import { API_SCOPES, MAX_KEY_DAYS, MAX_REQUESTS_PER_MINUTE, type ApiScope } from './scopes'

// The admin page's new-key form, read on the server only (the page sends a plain form, no script).

export type ApiKeyForm = { name: string; personId: string | null; scopes: ApiScope[]; expiresOn: string; requestsPerMinute: number }

export function readApiKeyForm(form: FormData, today: string): { ok: true; value: ApiKeyForm } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {}
  const name = z.string().trim().min(1).max(100).safeParse(form.get('name'))
  if (!name.success) fieldErrors.name = [message('api-keys:errors.name')]
  const scopes = form.getAll('scopes').filter((scope): scope is ApiScope => (API_SCOPES as readonly unknown[]).includes(scope))
  if (scopes.length === 0) fieldErrors.scopes = [message('api-keys:errors.scopes')]
  const expiresOn = String(form.get('expiresOn') ?? '').trim()
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_KEY_DAYS * 86_400_000).toISOString().slice(0, 10)
  if (!isIsoDate(expiresOn) || expiresOn > last) fieldErrors.expiresOn = [message('api-keys:errors.expiresOn', { days: MAX_KEY_DAYS })]
  else if (expiresOn <= today) fieldErrors.expiresOn = [message('api-keys:errors.expiryPast')]
  const rate = z.coerce.number().int().min(1).max(MAX_REQUESTS_PER_MINUTE).safeParse(form.get('requestsPerMinute'))
  if (!rate.success) fieldErrors.requestsPerMinute = [message('api-keys:errors.requestsPerMinute', { max: MAX_REQUESTS_PER_MINUTE })]
  const actsFor = String(form.get('actsFor') ?? '')
  const personId = actsFor === 'service' ? null : z.string().uuid().safeParse(actsFor).success ? actsFor : undefined
  if (personId === undefined) fieldErrors.personId = [message('api-keys:errors.personUnknown')]
  if (Object.keys(fieldErrors).length > 0 || !name.success || !rate.success || personId === undefined) return { ok: false, fieldErrors }
  return { ok: true, value: { name: name.data, personId, scopes, expiresOn, requestsPerMinute: rate.data } }
}
