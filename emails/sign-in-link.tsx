import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout } from './layout'

export type SignInLinkEmailProps = {
  name: string
  signInUrl: string
  code: string
  expiresInMinutes: number
}

export function SignInLinkEmail({
  name = 'Ada Lovelace',
  signInUrl = 'http://localhost:3000/sign-in/link/example-token',
  code = '123456',
  expiresInMinutes = 15,
}: Partial<SignInLinkEmailProps>) {
  return (
    <EmailLayout preview={`Your SoleSource sign-in code is ${code}`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        Sign in to SoleSource
      </Heading>
      <Text>Hello {name},</Text>
      <Text>Open this link to sign in. It works once and expires in {expiresInMinutes} minutes.</Text>
      <Button
        href={signInUrl}
        style={{ backgroundColor: '#0b3d91', color: '#ffffff', padding: '10px 16px', borderRadius: '4px' }}
      >
        Sign in
      </Button>
      <Text>
        Link: <a href={signInUrl}>{signInUrl}</a>
      </Text>
      <Text>
        On another device? Type this code on the sign-in page instead: <strong style={{ fontSize: '18px', letterSpacing: '2px' }}>{code}</strong>
      </Text>
      <Text style={{ color: '#5b6475' }}>If you did not ask to sign in, ignore this email: nothing happens without the link or the code.</Text>
    </EmailLayout>
  )
}

export default SignInLinkEmail
