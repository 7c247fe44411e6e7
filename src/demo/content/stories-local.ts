// Local accountability stories: schools, hospitals, courts and newsrooms.
import { bold, doc, h2, h3, img, link, ol, p, quote, ul } from './build.js'
import type { DemoStory } from './types.js'

/** Local accountability stories. */
export const localStories: DemoStory[] = [
  {
    slug: 'the-town-that-lost-its-newspaper-one-year-later',
    title: 'The town that lost its newspaper, one year later',
    dek: 'When the Bellmont Courier printed its last edition, nobody covered the school board. Then the school board raised taxes.',
    section: 'article',
    authors: ['noor-haddad', 'joanna-pilgrim'],
    topics: ['journalism-under-threat', 'social-issues'],
    documentaries: [],
    hero: 'hero-shuttered-newspaper-office',
    body: doc(
      p(
        'The Bellmont Courier published for 104 years. Its final edition, last spring, carried a front-page photo of its own newsroom, emptied of desks. A year later, residents say they are still discovering what they missed.',
      ),
      p(
        'In the twelve months since, the school board met 22 times. No reporter attended any of those meetings. The board approved a 9 percent levy increase, a new bus contract and the closure of an elementary school — decisions many parents say they learned about from their tax bills.',
      ),
      img('courier-printing-press'),
      quote(
        'I used to complain about the Courier every week. Now I would give anything to have something to complain about.',
        'Vernon Ashgrove, retired teacher',
      ),
      h2('What has filled the gap'),
      ul([
        'A community social-media group with 6,000 members and no fact-checking.',
        'A monthly newsletter from the chamber of commerce.',
        'A volunteer who live-streams council meetings from a phone when he can.',
      ]),
      p(
        'We are tracking newsroom closures on our ',
        link('Journalism Under Threat', '/topics/journalism-under-threat'),
        ' page.',
      ),
    ),
    publishedHoursAgo: 330,
    corrections: [],
  },
  {
    slug: 'heat-in-the-classroom-schools-without-air-conditioning',
    title: 'Heat in the classroom: schools without air conditioning lost 19 days to closures',
    dek: 'In a district where a third of buildings have no cooling, heat days now outnumber snow days.',
    section: 'investigation',
    authors: ['lena-marchetti', 'ines-calloway'],
    topics: ['climate-and-environment', 'social-issues'],
    documentaries: [],
    hero: 'hero-school-hallway-heat',
    body: doc(
      p(
        'The Riverside Unified school district closed schools early on 19 days last school year because of heat, according to district records we obtained. It closed for snow on 7.',
      ),
      p(
        "Thirty-one of the district's 88 buildings have no air conditioning. Our analysis of classroom temperature logs kept by teachers at six of those schools found readings above 85°F on more than 40 school days.",
      ),
      img('classroom-fan-window'),
      h2('Who is affected'),
      p(
        "The uncooled buildings are concentrated in the district's oldest neighbourhoods, where a higher share of students qualify for free lunch. ",
        bold('Four of the five hottest schools'),
        ' in our data serve mostly low-income students.',
      ),
      quote(
        "By two o'clock nobody is learning. I'm just handing out water and keeping kids from putting their heads down.",
        'Shauna Delacroix-Penn, fourth-grade teacher',
      ),
      h3('What the district says'),
      p(
        'The district has a $240 million plan to install cooling by 2031. Its facilities director said the timeline depends on a bond measure that voters rejected two years ago.',
      ),
    ),
    publishedHoursAgo: 720,
    corrections: [],
  },
  {
    slug: 'medical-debt-lawsuits-by-a-nonprofit-hospital-tripled',
    title: 'Medical debt lawsuits filed by a nonprofit hospital tripled in two years',
    dek: "St. Brennan Regional sued 1,870 patients last year. Many qualified for free care under the hospital's own policy.",
    section: 'investigation',
    authors: ['farida-osei', 'lena-marchetti'],
    topics: ['health', 'business-and-economy'],
    documentaries: [],
    hero: 'hero-hospital-billing-office',
    body: doc(
      p(
        'St. Brennan Regional Medical Center, a nonprofit hospital that pays no property tax, filed 1,870 lawsuits against patients over unpaid bills last year, up from 612 two years earlier, according to a review of county court records.',
      ),
      p(
        "We matched the lawsuits to public income data and found that at least 38 percent of the patients sued lived in households that would have qualified for free or discounted care under the hospital's published financial-assistance policy.",
      ),
      quote(
        "Nobody told me there was a form. The first thing I got from them that wasn't a bill was a court summons.",
        'Reggie Castellanos, sued for $2,980 after an emergency visit',
      ),
      h2('How to check whether you qualify'),
      ol([
        "Ask the hospital's billing office for its financial-assistance policy in writing.",
        'Compare your household income with the thresholds in the policy.',
        'Apply even after a bill has gone to collections; many policies allow it.',
      ]),
      p(
        'The hospital said it "pursues legal action only as a last resort" and would review its screening process. Our methods are ',
        link('published here', 'https://example.org/data/st-brennan-lawsuits'),
        '.',
      ),
    ),
    publishedHoursAgo: 1600,
    corrections: [],
  },
]
