import { test } from 'node:test'
import assert from 'node:assert/strict'
import { demoContent } from './index.js'

const { images, people, topics, funders, documentaries, stories, pages } = demoContent
const imageKeys = new Set(images.map(image => image.key))
const storySlugs = new Set(stories.map(story => story.slug))
const documentarySlugs = new Set(documentaries.map(documentary => documentary.slug))
const topicSlugs = new Set(topics.map(topic => topic.slug))
const excerptRefs = new Set(documentaries.flatMap(d => d.excerpts.map(e => `${d.slug}/${e.key}`)))

type Node = {
  type: string
  attrs?: Record<string, unknown>
  content?: Node[]
  text?: string
  marks?: { type: string; attrs?: { href?: string } }[]
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'pullQuote',
  'image',
  'excerpt',
  'documentaryCard',
  'horizontalRule',
])
const INLINES = new Set(['text', 'hardBreak'])

function walk(nodes: unknown[], visit: (node: Node) => void): void {
  for (const raw of nodes) {
    const node = raw as Node
    visit(node)
    if (node.content) walk(node.content, visit)
  }
}

function nodesOf(body: { content: unknown[] }): Node[] {
  const found: Node[] = []
  walk(body.content, node => found.push(node))
  return found
}

function wordsOf(body: { content: unknown[] }): number {
  return nodesOf(body)
    .filter(node => node.type === 'text')
    .map(node => node.text ?? '')
    .join(' ')
    .split(/\s+/)
    .filter(Boolean).length
}

function assertUnique(values: string[], what: string): void {
  assert.equal(new Set(values).size, values.length, `duplicate ${what}`)
}

test('the demo newsroom has the promised amount of everything', () => {
  assert.equal(people.length, 10)
  assert.equal(funders.length, 4)
  assert.equal(documentaries.length, 6)
  assert.equal(stories.length, 30)
  assert.deepEqual(
    pages.map(page => page.slug),
    ['standards', 'about', 'ethics-and-funding'],
  )
  assert.deepEqual(
    topics.map(topic => topic.name),
    [
      'Business and Economy',
      'Climate and Environment',
      'Criminal Justice',
      'Health',
      'Immigration',
      'Journalism Under Threat',
      'Social Issues',
      'U.S. Politics',
      'War and Conflict',
      'World',
    ],
  )
  assert.ok(topicSlugs.has('us-politics'))
  assert.deepEqual(
    funders.map(funder => funder.tier),
    ['lead', 'major', 'major', 'supporting'],
  )
  assert.equal(funders.filter(funder => funder.siteWide).length, 2)
})

test('slugs and image keys are unique and kebab-case', () => {
  for (const [what, values] of Object.entries({
    images: [...imageKeys],
    people: people.map(x => x.slug),
    topics: [...topicSlugs],
    funders: funders.map(x => x.slug),
    documentaries: [...documentarySlugs],
    stories: stories.map(x => x.slug),
  })) {
    assertUnique(what === 'images' ? images.map(image => image.key) : values, what)
    for (const value of values) assert.match(value, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${what}: ${value}`)
  }
  assertUnique(
    images.map(image => String(image.seed)),
    'image seeds',
  )
  assertUnique(
    stories.map(story => story.hero),
    'story heroes',
  )
})

test('every symbolic reference points at something that exists', () => {
  const personSlugs = new Set(people.map(person => person.slug))
  const funderSlugs = new Set(funders.map(funder => funder.slug))
  for (const person of people) assert.ok(imageKeys.has(person.photo), person.photo)
  for (const funder of funders) assert.ok(imageKeys.has(funder.logo), funder.logo)
  for (const documentary of documentaries) {
    assert.ok(imageKeys.has(documentary.poster), documentary.poster)
    for (const topic of documentary.topics) assert.ok(topicSlugs.has(topic), topic)
    for (const funder of documentary.funders) assert.ok(funderSlugs.has(funder), funder)
  }
  for (const story of stories) {
    assert.ok(imageKeys.has(story.hero), story.hero)
    for (const author of story.authors) assert.ok(personSlugs.has(author), `${story.slug}: ${author}`)
    for (const topic of story.topics) assert.ok(topicSlugs.has(topic), `${story.slug}: ${topic}`)
    for (const slug of story.documentaries) assert.ok(documentarySlugs.has(slug), `${story.slug}: ${slug}`)
  }
})

test('body documents use known nodes, resolvable references and allowed links', () => {
  const bodies = [
    ...stories.map(s => ({ name: s.slug, body: s.body })),
    ...pages.map(x => ({ name: x.slug, body: x.body })),
  ]
  for (const { name, body } of bodies) {
    assert.equal(body.type, 'doc')
    for (const node of nodesOf(body)) {
      assert.ok(BLOCKS.has(node.type) || INLINES.has(node.type), `${name}: unknown node ${node.type}`)
      if (node.type === 'image')
        assert.ok(imageKeys.has(String(node.attrs?.imageKey)), `${name}: image ${String(node.attrs?.imageKey)}`)
      if (node.type === 'excerpt')
        assert.ok(excerptRefs.has(String(node.attrs?.excerptKey)), `${name}: excerpt ${String(node.attrs?.excerptKey)}`)
      if (node.type === 'documentaryCard')
        assert.ok(documentarySlugs.has(String(node.attrs?.documentarySlug)), `${name}: card`)
      if (node.type === 'heading') assert.ok([2, 3, 4].includes(Number(node.attrs?.level)))
      for (const mark of node.marks ?? []) {
        if (mark.type !== 'link') continue
        const href = mark.attrs?.href ?? ''
        const [, kind, slug] = /^\/(stories|documentaries|topics)\/(.+)$/.exec(href) ?? []
        if (kind === 'stories') assert.ok(storySlugs.has(slug ?? ''), `${name}: ${href}`)
        else if (kind === 'documentaries') assert.ok(documentarySlugs.has(slug ?? ''), `${name}: ${href}`)
        else if (kind === 'topics') assert.ok(topicSlugs.has(slug ?? ''), `${name}: ${href}`)
        else
          assert.match(
            href,
            /^(\/(standards|corrections|about|ethics-and-funding|funders|documentaries|articles|topics)|https:\/\/example\.org\/.*|mailto:[a-z]+@example\.org)$/,
            `${name}: ${href}`,
          )
      }
    }
  }
})

test('stories together exercise every node type the body renderer supports', () => {
  const storiesWith = (predicate: (node: Node) => boolean) =>
    stories.filter(story => nodesOf(story.body).some(predicate)).length
  assert.ok(storiesWith(n => n.type === 'pullQuote' && typeof n.attrs?.attribution === 'string') >= 10)
  assert.ok(storiesWith(n => n.type === 'image') >= 8)
  assert.ok(storiesWith(n => n.type === 'bulletList' || n.type === 'orderedList') >= 6)
  assert.ok(storiesWith(n => n.type === 'bulletList') >= 1)
  assert.ok(storiesWith(n => n.type === 'orderedList') >= 1)
  assert.ok(storiesWith(n => n.type === 'excerpt') >= 8)
  assert.ok(storiesWith(n => n.type === 'documentaryCard') >= 5)
  for (const type of ['blockquote', 'heading', 'horizontalRule', 'hardBreak'])
    assert.ok(storiesWith(n => n.type === type) >= 1, type)
  for (const mark of ['bold', 'italic', 'link'])
    assert.ok(storiesWith(n => (n.marks ?? []).some(m => m.type === mark)) >= 1, mark)
  for (const story of stories) {
    assert.ok(
      story.body.content.length >= 4 && story.body.content.length <= 12,
      `${story.slug} has ${story.body.content.length} blocks`,
    )
    assert.ok(story.authors.length >= 1 && story.authors.length <= 3)
    assert.ok(story.topics.length >= 1 && story.topics.length <= 3)
  }
})

test('stories cover every topic, span two months and carry corrections', () => {
  assert.deepEqual(new Set(stories.flatMap(story => story.topics)), topicSlugs)
  assert.ok(stories.filter(story => story.documentaries.length > 0).length >= 12)
  const hours = stories.map(story => story.publishedHoursAgo)
  assert.ok(Math.min(...hours) >= 2 && Math.max(...hours) <= 2100)
  assert.ok(hours.filter(h => h <= 48).length >= 4)
  const corrected = stories.filter(story => story.corrections.length > 0)
  assert.equal(corrected.length, 6)
  assert.ok(corrected.some(story => story.corrections.length === 2))
  const kinds = new Set(corrected.flatMap(story => story.corrections.map(c => c.kind)))
  assert.deepEqual(kinds, new Set(['correction', 'clarification']))
  assert.ok(stories.some(story => /&/.test(story.title) && /"/.test(story.title) && /</.test(story.title)))
})

test('documentaries fit the short demo videos', () => {
  for (const documentary of documentaries) {
    assert.ok(documentary.runtimeSeconds >= 1500 && documentary.runtimeSeconds <= 7200)
    assert.match(documentary.releaseDate, /^\d{4}-\d{2}-\d{2}$/)
    assert.equal(documentary.excerpts.length, 2)
    for (const excerpt of documentary.excerpts) {
      const length = excerpt.endSeconds - excerpt.startSeconds
      assert.ok(excerpt.startSeconds >= 0 && excerpt.endSeconds <= 45, `${documentary.slug}/${excerpt.key}`)
      assert.ok(length >= 8 && length <= 20, `${documentary.slug}/${excerpt.key} lasts ${length}s`)
    }
    assert.ok(documentary.synopsis.split(/\n\s*\n/).length >= 2)
  }
  assert.ok(documentaries.some(documentary => documentary.runtimeSeconds === 6840))
})

test('standing pages are between 300 and 700 words', () => {
  for (const page of pages) {
    const words = wordsOf(page.body)
    assert.ok(words >= 300 && words <= 700, `${page.slug} has ${words} words`)
  }
})
