import type { HeadersFunction } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { MessageCard } from '~/ui/notice'

// A refusal for a sign-in limit, shared by the sign-in routes: the same 429 and Retry-After for a
// script (the Remix data request answers with the action's JSON) and for a browser (this page).

export type RateLimited = { rateLimited: { retryAfterSeconds: number; reason: 'client' | 'codes' } }

export function isRateLimited(value: unknown): value is RateLimited {
  return typeof value === 'object' && value !== null && 'rateLimited' in value
}

/** Carries the action's Retry-After onto the document response (Remix keeps only cookies by default). */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export function minutesToWait(retryAfterSeconds: number) {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60))
}

export function TooManyAttempts({ retryAfterSeconds, reason }: RateLimited['rateLimited']) {
  const { t } = useTranslation('auth')
  const minutes = minutesToWait(retryAfterSeconds)
  return (
    <MessageCard title={t('tooMany.title')} role="alert">
      <p>{t('tooMany.wait', { count: minutes })}</p>
      <p>{reason === 'codes' ? t('tooMany.codes') : t('tooMany.client')}</p>
      <p>
        <a href="/sign-in">{t('tooMany.back')}</a>
      </p>
    </MessageCard>
  )
}
