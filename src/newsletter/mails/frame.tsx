// The simple HTML every sign-up mail shares: one centred column, inline styles (mail apps drop
// stylesheets), a heading, paragraphs and one button. The plain-text part is written beside it.
import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'

/** A sign-up mail ready for the mailer. */
export interface SignupMail {
  subject: string
  text: string
  html: string
}

const SERIF = 'Georgia, "Times New Roman", serif'
const SANS = 'Helvetica, Arial, sans-serif'
const INK = '#1a1a1a'
const MUTED = '#5c5c5c'
const ACCENT = '#a3261b'

/** Renders the frame around a mail's paragraphs to an HTML document. */
export function renderMailHtml(m: {
  title: string
  siteName: string
  publicUrl: string
  children: ComponentChildren
}): string {
  return `<!doctype html>${renderToString(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{m.title}</title>
      </head>
      <body style={{ margin: 0, padding: 0, background: '#f3f1ec' }}>
        <table role="presentation" width="100%" cellPadding="0" cellSpacing="0" style={{ background: '#f3f1ec' }}>
          <tr>
            <td align="center" style={{ padding: '24px 12px' }}>
              <table
                role="presentation"
                width="560"
                cellPadding="0"
                cellSpacing="0"
                style={{ width: '100%', maxWidth: '560px', background: '#ffffff' }}
              >
                <tr>
                  <td style={{ padding: '24px 32px 12px', borderBottom: `3px solid ${INK}` }}>
                    <a
                      href={m.publicUrl}
                      style={{
                        fontFamily: SERIF,
                        fontSize: '24px',
                        fontWeight: 'bold',
                        color: INK,
                        textDecoration: 'none',
                      }}
                    >
                      {m.siteName}
                    </a>
                  </td>
                </tr>
                <tr>
                  <td
                    style={{
                      padding: '24px 32px 32px',
                      fontFamily: SANS,
                      fontSize: '16px',
                      lineHeight: '1.55',
                      color: INK,
                    }}
                  >
                    <h1 style={{ fontFamily: SERIF, fontSize: '24px', lineHeight: '1.25', margin: '0 0 16px' }}>
                      {m.title}
                    </h1>
                    {m.children}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>,
  )}`
}

/** A paragraph of mail text. */
export function P({ children, muted }: { children: ComponentChildren; muted?: boolean }) {
  return <p style={{ margin: '0 0 16px', ...(muted ? { color: MUTED, fontSize: '14px' } : {}) }}>{children}</p>
}

/** The one call to action, with its address written out below for mail apps that hide buttons. */
export function MailButton({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <>
      <p style={{ margin: '24px 0 8px' }}>
        <a
          href={href}
          style={{
            display: 'inline-block',
            background: ACCENT,
            color: '#ffffff',
            fontWeight: 'bold',
            textDecoration: 'none',
            padding: '12px 20px',
            borderRadius: '3px',
          }}
        >
          {children}
        </a>
      </p>
      <p style={{ margin: '0 0 24px', fontSize: '13px', color: MUTED, wordBreak: 'break-all' }}>
        <a href={href} style={{ color: MUTED }}>
          {href}
        </a>
      </p>
    </>
  )
}

/** List names as a sentence: "A", "A and B", "A, B and C". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * The lists asked for, as they read inside a sentence whatever their names' capitals:
 * the newsletter “The weekly newsletter”, the newsletters “A” and “B”.
 */
export function listsInWords(names: readonly string[]): string {
  if (names.length === 0) return 'our newsletter'
  const quoted = names.map(n => `“${n}”`)
  return quoted.length === 1 ? `the newsletter ${quoted[0]}` : `the newsletters ${namesInWords(quoted)}`
}
