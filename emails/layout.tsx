import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import type { Language } from '~/i18n/languages'
import { emailLanguage, emailTranslator } from './i18n'

/**
 * The frame every SoleSource email shares: a preview line, the body, and a footer saying who sent it.
 * Most signatures are given from a phone: one column, as wide as the screen up to 560 px, with the
 * viewport meta so a phone lays it out at its own width instead of zooming out on a desktop page.
 */
export function EmailLayout({ preview, children, language }: { preview: string; children: ReactNode; language?: Language | undefined }) {
  const t = emailTranslator(language)
  return (
    <Html lang={emailLanguage(language)}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', color: '#1d2433', margin: 0, padding: 0 }}>
        <Container
          style={{ backgroundColor: '#ffffff', padding: '20px 16px', margin: '0 auto', width: '100%', maxWidth: '560px', boxSizing: 'border-box', overflowWrap: 'anywhere', wordBreak: 'break-word' }}
        >
          <Text style={{ fontSize: '14px', fontWeight: 700, color: '#0b3d91', margin: 0 }}>SoleSource</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={{ fontSize: '12px', color: '#5b6475' }}>{t('layout.footer')}</Text>
        </Container>
      </Body>
    </Html>
  )
}
