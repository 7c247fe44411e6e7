// The demo story built out of interviews, as documentary newsrooms write them: paragraphs that
// alternate "told us in this excerpt" clips of the full interviews with excerpts of the film,
// ending with the film itself. Interview spans point at passages (never withheld ones) by index;
// the seeder turns them into the passages' own times.
import { bold, doc, em, excerpt, link, p, type BlockNode } from './build.js'
import type { DemoStory } from './types.js'

/** An excerpt of a demo interview: from one passage to another (by index), times filled by the seeder. */
export function interviewExcerpt(interviewSlug: string, fromPassage: number, toPassage = fromPassage): BlockNode {
  return { type: 'interviewExcerpt', attrs: { interviewSlug, fromPassage, toPassage } }
}

/** A pull quote that names the interview passage its words were said in. */
export function interviewQuote(text: string, attribution: string, interviewSlug: string, passage: number): BlockNode {
  return {
    type: 'pullQuote',
    attrs: { attribution, source: { interviewSlug, passage } },
    content: [{ type: 'text', text }],
  }
}

/** The story that quotes The Ledger's interviews to the second. */
export const interviewStory: DemoStory = {
  slug: 'the-ledger-in-their-own-words',
  title: '“Every fee was written down”: the people behind The Ledger, in their own words',
  dek: "The clerk who kept Tern County's jail ledger and the public defender who fought it told us how a night in jail became a bill.",
  section: 'interview',
  authors: ['desmond-achterberg', 'lena-marchetti'],
  topics: ['criminal-justice', 'social-issues'],
  documentaries: ['the-ledger'],
  hero: 'hero-ledger-pages',
  body: doc(
    p(
      'For twenty-three years, Tern County kept a book of what it charged the people it jailed: booking fees, nightly room and board, the monitor that let them wait for trial at home. Most of them were never convicted of anything. While making ',
      em('The Ledger'),
      ', we sat down with the people who knew the book best. Their full interviews are published alongside the film, withheld passages marked, so you can hear what was said before and after each clip below.',
    ),
    p(
      "Bernadette Sowell kept the ledger, first by hand and then in the county's first database. The county clerk ",
      bold('told us in this excerpt:'),
    ),
    interviewExcerpt('bernadette-sowell-tern-county-clerk', 1),
    p('In the film, Sowell pages through the handwritten entries from the 1990s, the fees still legible in blue ink:'),
    excerpt('the-ledger/reading-the-ledger'),
    p(
      "The fee followed the person, not the case. Ruth Valdivieso, Tern County's chief public defender, first saw one of the invoices in a plastic sleeve, brought in by a client whose charges had been dropped months before. Valdivieso ",
      bold('told us in this excerpt:'),
    ),
    interviewExcerpt('ruth-valdivieso-public-defender', 1),
    p(
      "Her client was not alone. The film follows three families through their debts, starting with a mother who unfolded her son's bill for our camera:",
    ),
    excerpt('the-ledger/the-invoice'),
    interviewQuote(
      'The presumption of innocence is not only about the verdict. It is about what the state may take from you while it decides.',
      'Ruth Valdivieso, chief public defender',
      'ruth-valdivieso-public-defender',
      3,
    ),
    p(
      'Nobody on the county board asked about the total until our records request arrived. When the ledger was finally read aloud at a board meeting, Sowell was the one reading. She ',
      bold('told us in this excerpt:'),
    ),
    interviewExcerpt('bernadette-sowell-tern-county-clerk', 9),
    p(
      "The board stopped charging new fees that night, and forgave the old balances three months later. The ledger itself is still in the courthouse basement, kept at Valdivieso's request so that nobody can say it never existed.",
    ),
    p(
      'Read the full interviews with ',
      link('Bernadette Sowell', '/interviews/bernadette-sowell-tern-county-clerk'),
      ' and ',
      link('Ruth Valdivieso', '/interviews/ruth-valdivieso-public-defender'),
      ', or ',
      link('stream the documentary in full', '/documentaries/the-ledger'),
      '.',
    ),
  ),
  publishedHoursAgo: 30,
  corrections: [],
}
