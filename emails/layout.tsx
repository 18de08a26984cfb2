import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

/** The frame every SoleSource email shares: a preview line, the body, and a footer saying who sent it. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', color: '#1d2433' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', margin: '24px auto', maxWidth: '560px' }}>
          <Text style={{ fontSize: '14px', fontWeight: 700, color: '#0b3d91', margin: 0 }}>SoleSource</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={{ fontSize: '12px', color: '#5b6475' }}>
            Sent by SoleSource, the procurement service's single-source and industrial return tool.
          </Text>
        </Container>
      </Body>
    </Html>
  )
}
