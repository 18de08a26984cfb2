import { Heading, Text } from '@react-email/components'
import { formatDateTime } from '~/calendar/format-date'
import { ActionLink } from './action-link'
import { EmailLayout } from './layout'

export type SignInLinkEmailProps = {
  name: string
  signInUrl: string
  code: string
  expiresInMinutes: number
  /** When the link and the code stop working, on the organisation's clock (app/calendar). */
  expiresAt: string
}

/** The one-time link and code a person asked for on the sign-in page. */
export function SignInLinkEmail({
  name = 'Ada Lovelace',
  signInUrl = 'http://localhost:3000/sign-in/link/example-token',
  code = '123456',
  expiresInMinutes = 15,
  expiresAt = formatDateTime('2026-11-26T09:15:00Z'),
}: Partial<SignInLinkEmailProps>) {
  return (
    <EmailLayout preview={`Your SoleSource sign-in code is ${code}`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        Sign in to SoleSource
      </Heading>
      <Text>Hello {name},</Text>
      <Text>
        Open this link to sign in. It works once, for {expiresInMinutes} minutes: until {expiresAt}.
      </Text>
      <ActionLink href={signInUrl} label="Sign in" />
      <Text>
        On another device? Type this code on the sign-in page instead: <strong style={{ fontSize: '18px', letterSpacing: '2px' }}>{code}</strong>
      </Text>
      <Text style={{ color: '#5b6475' }}>If you did not ask to sign in, ignore this email: nothing happens without the link or the code.</Text>
    </EmailLayout>
  )
}

export default SignInLinkEmail
