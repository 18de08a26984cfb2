import { Heading, Text } from '@react-email/components'
import { formatDateTime } from '~/calendar/format-date'
import type { Language } from '~/i18n/languages'
import { ActionLink } from './action-link'
import { emailTranslator } from './i18n'
import { EmailLayout } from './layout'

export type SignInLinkEmailProps = {
  name: string
  signInUrl: string
  code: string
  expiresInMinutes: number
  /** When the link and the code stop working, on the organisation's clock (app/calendar). */
  expiresAt: string
  /** The recipient's language, chosen when the email was queued (English when absent). */
  language?: Language
}

/** The one-time link and code a person asked for on the sign-in page. */
export function SignInLinkEmail({
  name = 'Ada Lovelace',
  signInUrl = 'http://localhost:3000/sign-in/link/example-token',
  code = '123456',
  expiresInMinutes = 15,
  expiresAt = formatDateTime('2026-11-26T09:15:00Z'),
  language,
}: Partial<SignInLinkEmailProps>) {
  const t = emailTranslator(language)
  return (
    <EmailLayout language={language} preview={t('signIn.preview', { code })}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {t('signIn.heading')}
      </Heading>
      <Text>{t('greeting', { name })}</Text>
      <Text>{t('signIn.body', { minutes: expiresInMinutes, expiresAt })}</Text>
      <ActionLink href={signInUrl} label={t('signIn.button')} />
      <Text>
        {t('signIn.otherDevice')} <strong style={{ fontSize: '18px', letterSpacing: '2px' }}>{code}</strong>
      </Text>
      <Text style={{ color: '#5b6475' }}>{t('signIn.ignore')}</Text>
    </EmailLayout>
  )
}

export default SignInLinkEmail
