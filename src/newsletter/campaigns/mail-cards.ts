// How a chosen story or documentary appears in a campaign's mail: a card in the HTML and a few
// lines in the plain text, kept side by side so the two parts say the same. Apart from mail.tsx,
// which lays out the message around them.
import type { DocumentaryTeaser } from '../../documentaries/index.js'
import { documentaryUrl } from '../../documentaries/index.js'
import { formatRuntime } from '../../platform/format.js'
import type { StoryTeaser } from '../../stories/index.js'
import { storyUrl } from '../../stories/index.js'
import { absolute, cardImage, type CardProps } from './mail-parts.js'

/** A story's card: title, dek, bylines and hero picture. */
export function storyCard(teaser: StoryTeaser, publicUrl: string): CardProps {
  return {
    href: absolute(publicUrl, storyUrl(teaser.story.slug)),
    title: teaser.story.title,
    text: teaser.story.dek || undefined,
    meta: teaser.authors.length ? `By ${teaser.authors.map(a => a.name).join(', ')}` : undefined,
    image: teaser.hero ? cardImage(publicUrl, teaser.hero) : undefined,
  }
}

/** A story in the plain-text part: title, dek, link, and a blank line after. */
export function storyTextLines({ story }: StoryTeaser, publicUrl: string): string[] {
  const lines = [story.title]
  if (story.dek) lines.push(story.dek)
  lines.push(absolute(publicUrl, storyUrl(story.slug)), '')
  return lines
}

/** A documentary's card: title, one line, runtime and poster. */
export function documentaryCard(teaser: DocumentaryTeaser, publicUrl: string): CardProps {
  const { documentary } = teaser
  return {
    // The dek: a mail card wants one line, not the synopsis's paragraphs.
    href: absolute(publicUrl, documentaryUrl(documentary.slug)),
    title: documentary.title,
    text: documentary.dek || firstParagraph(documentary.synopsis),
    meta: `Documentary${documentary.runtimeSeconds ? ` · ${formatRuntime(documentary.runtimeSeconds)}` : ''}`,
    action: 'Watch the documentary',
    image: teaser.poster ? cardImage(publicUrl, teaser.poster) : undefined,
  }
}

/** A documentary in the plain-text part: title with runtime, one line, link, and a blank line after. */
export function documentaryTextLines({ documentary }: DocumentaryTeaser, publicUrl: string): string[] {
  const lines = [
    `${documentary.title}${documentary.runtimeSeconds ? ` (${formatRuntime(documentary.runtimeSeconds)})` : ''}`,
  ]
  const words = documentary.dek || firstParagraph(documentary.synopsis)
  if (words) lines.push(words)
  lines.push(absolute(publicUrl, documentaryUrl(documentary.slug)), '')
  return lines
}

function firstParagraph(text: string): string | undefined {
  return text.split(/\n\s*\n/)[0]?.trim() || undefined
}
