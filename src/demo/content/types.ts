// Shapes of the demo newsroom's seed data. The seed loader resolves the symbolic
// references (image keys, person/topic/funder/documentary slugs) into database ids.

/** A body document in the ProseMirror-style JSON the body renderer understands. */
export type BodyJson = { type: 'doc'; content: unknown[] }

/** An image the seeder renders with `renderDemoImage` and stores under `key`. */
export interface DemoImage {
  key: string
  kind: 'landscape' | 'portrait' | 'poster' | 'logo' | 'cover'
  seed: number
  alt: string
  caption: string
  credit: string
}

/** A staff member who can appear in bylines and credits. */
export interface DemoPerson {
  slug: string
  name: string
  jobTitle: string
  bio: string
  /** DemoImage key. */
  photo: string
  socials: { network: 'x' | 'bluesky' | 'mastodon' | 'instagram' | 'linkedin' | 'website' | 'email'; url: string }[]
}

/** A topic stories and documentaries are filed under. */
export interface DemoTopic {
  slug: string
  name: string
  description: string
}

/** A funder credited on documentaries and, when `siteWide`, across the site. */
export interface DemoFunder {
  slug: string
  name: string
  url: string
  /** DemoImage key. */
  logo: string
  tier: 'lead' | 'major' | 'supporting'
  description: string
  siteWide: boolean
}

/** A marked passage of a documentary that stories can embed. */
export interface DemoExcerpt {
  key: string
  title: string
  caption: string
  startSeconds: number
  endSeconds: number
}

/** A documentary film with its credits, funders and excerpts. */
export interface DemoDocumentary {
  slug: string
  title: string
  dek: string
  /** Paragraphs separated by blank lines. */
  synopsis: string
  runtimeSeconds: number
  /** YYYY-MM-DD. */
  releaseDate: string
  /** DemoImage key. */
  poster: string
  /** Topic slugs. */
  topics: string[]
  credits: { role: string; name: string }[]
  /** Funder slugs. */
  funders: string[]
  excerpts: DemoExcerpt[]
  publishedDaysAgo: number
}

/** A correction or clarification appended to a story after publication. */
export interface DemoCorrection {
  kind: 'correction' | 'clarification'
  body: string
  daysAfterPublication: number
}

/** A published story. */
export interface DemoStory {
  slug: string
  title: string
  dek: string
  section: 'article' | 'investigation' | 'documentary-companion' | 'explainer' | 'interview'
  /** Person slugs, in byline order. */
  authors: string[]
  /** Topic slugs; the first is primary. */
  topics: string[]
  /** Related documentary slugs. */
  documentaries: string[]
  /** DemoImage key. */
  hero: string
  body: BodyJson
  publishedHoursAgo: number
  corrections: DemoCorrection[]
}

/** A standing page such as About or Standards. */
export interface DemoPage {
  slug: string
  title: string
  summary: string
  body: BodyJson
}

/** Site-wide settings for the demo newsroom. */
export interface DemoSettings {
  name: string
  tagline: string
  description: string
  navigation: { label: string; href: string }[]
  footerLinks: { label: string; href: string }[]
  socials: { network: string; url: string }[]
  footerText: string
  copyrightHolder: string
}

/** Everything the seeder loads, in one object. */
/** A line of a demo episode's transcript: who speaks, what they say. */
export interface DemoTranscriptLine {
  speaker: string
  text: string
}

/** One demo episode; its audio is generated (tones and noise) when the demo is seeded. */
export interface DemoEpisode {
  slug: string
  title: string
  number: number | null
  season: number | null
  episodeType: 'full' | 'trailer' | 'bonus'
  summary: string
  showNotes: BodyJson
  publishedDaysAgo: number
  /** Length of the generated audio. */
  seconds: number
  chapters: { startSeconds: number; title: string }[]
  /** Spread evenly over the episode as WebVTT cues. */
  transcript: DemoTranscriptLine[]
}

/** The demo podcast. */
export interface DemoShow {
  slug: string
  title: string
  description: string
  /** DemoImage key of the square artwork. */
  artwork: string
  category: string
  subcategory: string | null
  author: string
  ownerName: string
  ownerEmail: string
  copyright: string
  episodes: DemoEpisode[]
}

export interface DemoContent {
  settings: DemoSettings
  images: DemoImage[]
  people: DemoPerson[]
  topics: DemoTopic[]
  funders: DemoFunder[]
  documentaries: DemoDocumentary[]
  stories: DemoStory[]
  pages: DemoPage[]
  podcast: DemoShow
}
