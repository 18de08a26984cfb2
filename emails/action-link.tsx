import { Section, Text } from '@react-email/components'

/**
 * The one thing an email asks for: a button big enough for a thumb (48 px tall, as wide as the
 * column), then the full address in a block that wraps anywhere, for mail clients that strip
 * buttons and for people who want to see where a link goes before they open it. A long token
 * never pushes the email wider than the screen.
 *
 * In the plain-text part the button gives its label only (render.server.ts ignores the href of
 * `a[data-email-button]`) and the address stands alone on the next line.
 */
export function ActionLink({ href, label, urlIntro }: { href: string; label: string; urlIntro?: string }) {
  return (
    <Section style={{ margin: '24px 0' }}>
      <a
        href={href}
        data-email-button="true"
        style={{
          display: 'block',
          boxSizing: 'border-box',
          width: '100%',
          padding: '14px 16px',
          lineHeight: '20px',
          fontSize: '16px',
          fontWeight: 700,
          textAlign: 'center',
          textDecoration: 'none',
          color: '#ffffff',
          backgroundColor: '#0b3d91',
          borderRadius: '6px',
        }}
      >
        {label}
      </a>
      {urlIntro ? <Text style={{ margin: '12px 0 0', fontSize: '13px', color: '#5b6475' }}>{urlIntro}</Text> : null}
      <Text data-email-url="true" style={{ margin: urlIntro ? '4px 0 0' : '12px 0 0', fontSize: '13px', lineHeight: '18px', wordBreak: 'break-all', overflowWrap: 'anywhere' }}>
        <a href={href} style={{ color: '#0b3d91' }}>
          {href}
        </a>
      </Text>
    </Section>
  )
}

/** A second link, less prominent than the action (the justification's page next to the sign-off link). */
export function SecondaryLink({ href, intro }: { href: string; intro: string }) {
  return (
    <>
      <Text style={{ margin: '16px 0 0', fontSize: '13px', color: '#5b6475' }}>{intro}</Text>
      <Text style={{ margin: '4px 0 0', fontSize: '13px', lineHeight: '18px', wordBreak: 'break-all', overflowWrap: 'anywhere' }}>
        <a href={href} style={{ color: '#0b3d91' }}>
          {href}
        </a>
      </Text>
    </>
  )
}
