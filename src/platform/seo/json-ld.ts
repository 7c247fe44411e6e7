// schema.org structured data builders. They take plain values so any part can use them.

const CONTEXT = 'https://schema.org'

/** A publisher as schema.org Organization. */
export function organizationLd(org: {
  name: string
  url: string
  logo?: string | undefined
  sameAs?: string[] | undefined
}): object {
  return {
    '@context': CONTEXT,
    '@type': 'NewsMediaOrganization',
    name: org.name,
    url: org.url,
    ...(org.logo ? { logo: { '@type': 'ImageObject', url: org.logo } } : {}),
    ...(org.sameAs?.length ? { sameAs: org.sameAs } : {}),
  }
}

/** Breadcrumbs: each step's name and absolute URL, from the home page down. */
export function breadcrumbLd(steps: { name: string; url: string }[]): object {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((step, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: step.name,
      item: step.url,
    })),
  }
}

export interface NewsArticleInput {
  url: string
  headline: string
  description: string
  image?: string | undefined
  datePublished: string
  dateModified: string
  section?: string | undefined
  keywords?: string[] | undefined
  authors: { name: string; url: string; jobTitle?: string | undefined }[]
  publisher: { name: string; url: string; logo?: string | undefined }
  corrections: { kind: string; text: string; date: string }[]
  wordCount?: number | undefined
  ethicsPolicy?: string | undefined
}

/** A story as schema.org NewsArticle, with its corrections. */
export function newsArticleLd(a: NewsArticleInput): object {
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.headline.slice(0, 110),
    description: a.description,
    ...(a.image ? { image: [a.image] } : {}),
    datePublished: a.datePublished,
    dateModified: a.dateModified,
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords?.length ? { keywords: a.keywords } : {}),
    ...(a.wordCount ? { wordCount: a.wordCount } : {}),
    author: a.authors.map(p => ({
      '@type': 'Person',
      name: p.name,
      url: p.url,
      ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
    })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: a.publisher.name,
      url: a.publisher.url,
      ...(a.publisher.logo ? { logo: { '@type': 'ImageObject', url: a.publisher.logo } } : {}),
      ...(a.ethicsPolicy ? { ethicsPolicy: a.ethicsPolicy, correctionsPolicy: a.ethicsPolicy } : {}),
    },
    ...(a.corrections.length
      ? {
          correction: a.corrections.map(c => ({
            '@type': 'CorrectionComment',
            text: `${c.kind === 'clarification' ? 'Clarification' : 'Correction'}: ${c.text}`,
            datePublished: c.date,
          })),
        }
      : {}),
  }
}

export interface MovieInput {
  url: string
  name: string
  description: string
  image?: string | undefined
  dateCreated: string
  datePublished?: string | null | undefined
  durationSeconds: number
  directors: string[]
  producers: string[]
  genre?: string[] | undefined
  funders: { name: string; url?: string | undefined }[]
}

/** ISO-8601 duration such as PT1H54M. */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = Math.round(seconds % 60)
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`
}

/** A documentary as schema.org Movie. */
export function movieLd(m: MovieInput): object {
  return {
    '@context': CONTEXT,
    '@type': 'Movie',
    url: m.url,
    name: m.name,
    description: m.description,
    ...(m.image ? { image: m.image } : {}),
    dateCreated: m.dateCreated,
    ...(m.datePublished ? { datePublished: m.datePublished } : {}),
    duration: isoDuration(m.durationSeconds),
    ...(m.genre?.length ? { genre: m.genre } : {}),
    director: m.directors.map(name => ({ '@type': 'Person', name })),
    producer: m.producers.map(name => ({ '@type': 'Person', name })),
    ...(m.funders.length
      ? { funder: m.funders.map(f => ({ '@type': 'Organization', name: f.name, ...(f.url ? { url: f.url } : {}) })) }
      : {}),
  }
}

export interface VideoObjectInput {
  url: string
  name: string
  description: string
  thumbnailUrl?: string | undefined
  uploadDate: string
  durationSeconds: number
  contentUrl?: string | undefined
  embedUrl?: string | undefined
}

/** A film's video as schema.org VideoObject (the media pipeline adds contentUrl and key moments). */
export function videoObjectLd(v: VideoObjectInput): object {
  return {
    '@context': CONTEXT,
    '@type': 'VideoObject',
    name: v.name,
    description: v.description,
    ...(v.thumbnailUrl ? { thumbnailUrl: [v.thumbnailUrl] } : {}),
    uploadDate: v.uploadDate,
    duration: isoDuration(v.durationSeconds),
    ...(v.contentUrl ? { contentUrl: v.contentUrl } : {}),
    ...(v.embedUrl ? { embedUrl: v.embedUrl } : {}),
    url: v.url,
  }
}

/** A person's profile page as schema.org ProfilePage. */
export function profilePageLd(p: {
  url: string
  name: string
  jobTitle: string
  description: string
  image?: string | undefined
  sameAs: string[]
}): object {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: p.url,
    mainEntity: {
      '@type': 'Person',
      name: p.name,
      jobTitle: p.jobTitle,
      description: p.description,
      ...(p.image ? { image: p.image } : {}),
      ...(p.sameAs.length ? { sameAs: p.sameAs } : {}),
    },
  }
}
