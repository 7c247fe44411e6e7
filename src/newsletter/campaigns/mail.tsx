// A campaign as mail: HTML that common mail apps render (one centred table, inline styles, no
// scripts, no external CSS) and a plain-text part. It is rendered once per send; each
// subscriber's copy differs only in its own links, filled in by `personalise`.
import { randomBytes } from 'node:crypto'
import { renderToString } from 'preact-render-to-string'
import type { DocumentaryTeaser } from '../../documentaries/index.js'
import type { StoryTeaser } from '../../stories/index.js'
import type { CampaignTemplate } from '../schema.js'
import type { Campaign } from './store.js'
import { documentaryCard, documentaryTextLines, storyCard, storyTextLines } from './mail-cards.js'
import { introPlainText, MailIntro, NO_EMBEDS, type IntroEmbeds } from './mail-intro.js'
import { CardRow, FONT, INK, MUTED, SANS, Section } from './mail-parts.js'

/** Everything a campaign's mail shows besides the campaign itself, already loaded. */
export interface CampaignContent {
  campaign: Pick<Campaign, 'id' | 'subject' | 'preheader' | 'intro'> & { template?: CampaignTemplate }
  stories: StoryTeaser[]
  documentaries: DocumentaryTeaser[]
  /** What the intro's images and cards show; without it they are left out. */
  introEmbeds?: IntroEmbeds
  siteName: string
  /** Absolute, no trailing slash. */
  publicUrl: string
  /** The newsletter's name, e.g. "The weekly newsletter". */
  listName: string
  /** The postal address or footer text the newsroom shows. */
  footerText: string
}

/** The links that differ per subscriber. */
export interface SubscriberLinks {
  unsubscribe: string
  preferences: string
}

/** A rendered campaign: fill in a subscriber's links to get their copy. */
export interface CampaignMail {
  subject: string
  personalise(links: SubscriberLinks): { html: string; text: string }
  /** The web version's URL (view in browser). */
  webUrl: string
}

/** The address of a campaign's web version. */
export function campaignWebPath(campaignId: number): string {
  return `/newsletter/issues/${campaignId}`
}

/** Renders a campaign once; `personalise` then costs two string joins per subscriber. */
export function renderCampaignMail(content: CampaignContent): CampaignMail {
  // Markers no text can contain (random per render), replaced by each subscriber's links.
  const marker = randomBytes(12).toString('hex')
  const unsubscribe = `https://unsubscribe.${marker}.invalid/`
  const preferences = `https://preferences.${marker}.invalid/`
  const webUrl = `${content.publicUrl}${campaignWebPath(content.campaign.id)}`
  const html = `<!doctype html>${renderToString(<MailDocument content={content} links={{ unsubscribe, preferences }} webUrl={webUrl} />)}`
  const text = plainText(content, { unsubscribe, preferences }, webUrl)
  const htmlParts = splitOn(html, [unsubscribe, preferences])
  const textParts = splitOn(text, [unsubscribe, preferences])
  return {
    subject: content.campaign.subject,
    webUrl,
    personalise(links) {
      const fill = (parts: ReturnType<typeof splitOn>, escapeText: (s: string) => string) =>
        parts.map(p => (p === 0 ? escapeText(links.unsubscribe) : p === 1 ? escapeText(links.preferences) : p)).join('')
      return { html: fill(htmlParts, escapeAttribute), text: fill(textParts, s => s) }
    },
  }
}

/** The links a copy nobody subscribed with carries (web version, previews): the public sign-up page. */
export function genericLinks(publicUrl: string): SubscriberLinks {
  return { unsubscribe: `${publicUrl}/newsletter`, preferences: `${publicUrl}/newsletter` }
}

/** The web version of a campaign: the same document, with links that lead to the generic pages. */
export function renderCampaignWebVersion(content: CampaignContent): string {
  return `<!doctype html>${renderToString(<MailDocument content={content} links={genericLinks(content.publicUrl)} webUrl={null} />)}`
}

// The text split at each marker: strings, and 0 / 1 where marker 0 / 1 stood.
function splitOn(text: string, markers: [string, string]): (string | 0 | 1)[] {
  const out: (string | 0 | 1)[] = []
  let rest = text
  for (;;) {
    const at = markers.map(m => rest.indexOf(m))
    const next = at[0]! === -1 ? 1 : at[1]! === -1 ? 0 : at[0]! < at[1]! ? 0 : 1
    if (at[next]! === -1) break
    out.push(rest.slice(0, at[next]!), next)
    rest = rest.slice(at[next]! + markers[next].length)
  }
  out.push(rest)
  return out
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

// Narrow screens: mail apps that read <style> (Apple Mail, Gmail's apps, iOS) get slimmer margins.
const NARROW_CSS =
  '@media only screen and (max-width: 620px) { .nl-outer { padding: 0 !important; } .nl-pad { padding-left: 16px !important; padding-right: 16px !important; } }'

function MailDocument({
  content,
  links,
  webUrl,
}: {
  content: CampaignContent
  links: SubscriberLinks
  webUrl: string | null
}) {
  const { campaign, publicUrl } = content
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{campaign.subject}</title>
        <style>{NARROW_CSS}</style>
      </head>
      <body style={{ margin: 0, padding: 0, background: '#f3f1ec' }}>
        {/* The preheader: the line mail apps show after the subject, hidden in the message itself. */}
        <div style={{ display: 'none', maxHeight: 0, overflow: 'hidden', opacity: 0 }}>{campaign.preheader}</div>
        <table role="presentation" width="100%" cellPadding="0" cellSpacing="0" style={{ background: '#f3f1ec' }}>
          <tr>
            <td class="nl-outer" align="center" style={{ padding: '24px 12px' }}>
              <table
                role="presentation"
                width="600"
                cellPadding="0"
                cellSpacing="0"
                style={{ width: '100%', maxWidth: '600px', background: '#ffffff' }}
              >
                {webUrl ? (
                  <tr>
                    <td
                      class="nl-pad"
                      style={{
                        padding: '12px 32px 0',
                        fontFamily: SANS,
                        fontSize: '12px',
                        color: MUTED,
                        textAlign: 'right',
                      }}
                    >
                      <a href={webUrl} style={{ color: MUTED }}>
                        View in your browser
                      </a>
                    </td>
                  </tr>
                ) : null}
                <tr>
                  <td class="nl-pad" style={{ padding: '24px 32px 8px', borderBottom: `3px solid ${INK}` }}>
                    <a
                      href={publicUrl}
                      style={{
                        fontFamily: FONT,
                        fontSize: '28px',
                        fontWeight: 'bold',
                        color: INK,
                        textDecoration: 'none',
                      }}
                    >
                      {content.siteName}
                    </a>
                    <div style={{ fontFamily: SANS, fontSize: '13px', color: MUTED, paddingTop: '4px' }}>
                      {content.listName}
                    </div>
                  </td>
                </tr>
                <tr>
                  <td
                    class="nl-pad"
                    style={{
                      padding: '24px 32px 8px',
                      fontFamily: FONT,
                      fontSize: '17px',
                      lineHeight: '1.6',
                      color: INK,
                    }}
                  >
                    <h1 style={{ fontFamily: FONT, fontSize: '26px', lineHeight: '1.25', margin: '0 0 16px' }}>
                      {campaign.subject}
                    </h1>
                    <MailIntro intro={campaign.intro} publicUrl={publicUrl} embeds={content.introEmbeds ?? NO_EMBEDS} />
                  </td>
                </tr>
                {content.documentaries.length ? (
                  <Section title="Watch">
                    {content.documentaries.map(d => (
                      <CardRow {...documentaryCard(d, publicUrl)} />
                    ))}
                  </Section>
                ) : null}
                {content.stories.length ? (
                  <Section title={storiesTitle(content)}>
                    {content.stories.map(s => (
                      <CardRow {...storyCard(s, publicUrl)} />
                    ))}
                  </Section>
                ) : null}
                <tr>
                  <td
                    class="nl-pad"
                    style={{
                      padding: '24px 32px',
                      borderTop: '1px solid #dddddd',
                      fontFamily: SANS,
                      fontSize: '12px',
                      lineHeight: '1.5',
                      color: MUTED,
                    }}
                  >
                    <p style={{ margin: '0 0 8px' }}>
                      You are receiving {content.listName} because you signed up at{' '}
                      {publicUrl.replace(/^https?:\/\//, '')}.
                    </p>
                    <p style={{ margin: '0 0 8px' }}>
                      <a href={links.unsubscribe} style={{ color: MUTED }}>
                        Unsubscribe
                      </a>
                      {' · '}
                      <a href={links.preferences} style={{ color: MUTED }}>
                        Change your newsletters
                      </a>
                    </p>
                    {content.footerText ? <p style={{ margin: 0 }}>{content.footerText}</p> : null}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  )
}

function storiesTitle(content: CampaignContent): string {
  return content.campaign.template === 'digest' ? 'This week’s stories' : 'Read'
}

function plainText(content: CampaignContent, links: SubscriberLinks, webUrl: string): string {
  const { publicUrl } = content
  const intro = introPlainText(content.campaign.intro, publicUrl, content.introEmbeds ?? NO_EMBEDS)
  const lines = [content.siteName, content.listName, '', content.campaign.subject, '', ...(intro ? [intro, ''] : [])]
  if (content.documentaries.length) {
    lines.push('WATCH', '')
    for (const teaser of content.documentaries) lines.push(...documentaryTextLines(teaser, publicUrl))
  }
  if (content.stories.length) {
    lines.push(storiesTitle(content).toUpperCase(), '')
    for (const teaser of content.stories) lines.push(...storyTextLines(teaser, publicUrl))
  }
  lines.push(
    '--',
    `View in your browser: ${webUrl}`,
    `Unsubscribe: ${links.unsubscribe}`,
    `Change your newsletters: ${links.preferences}`,
  )
  if (content.footerText) lines.push('', content.footerText)
  return `${lines.join('\n')}\n`
}
