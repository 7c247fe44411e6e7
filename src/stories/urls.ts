// Addresses of story pages.
import type { StorySection } from './schema.js'

/** The public page of a story. */
export function storyUrl(slug: string): string {
  return `/stories/${slug}`
}

const SECTION_LABELS: Record<StorySection, string> = {
  article: 'Article',
  investigation: 'Investigation',
  'documentary-companion': 'Documentary companion',
  explainer: 'Explainer',
  interview: 'Interview',
}

/** How a section is named to readers. */
export function sectionLabel(section: StorySection): string {
  return SECTION_LABELS[section]
}
