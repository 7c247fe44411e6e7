// Companion stories published alongside each documentary, embedding its excerpts.
import { blockquote, bold, docCard, doc, em, excerpt, h2, hr, img, link, p, quote, ul } from './build.js'
import type { DemoStory } from './types.js'

/** One companion story per documentary. */
export const companionStories: DemoStory[] = [
  {
    slug: 'how-we-filmed-in-the-varesh-valley',
    title: 'How we filmed in the Varesh valley, and what we chose not to show',
    dek: 'Fourteen months with a three-person radio newsroom meant making hard decisions about faces, places and timing.',
    section: 'documentary-companion',
    authors: ['kit-navarro', 'ines-calloway'],
    topics: ['war-and-conflict', 'journalism-under-threat', 'world'],
    documentaries: ['dispatches-from-a-quiet-front'],
    hero: 'hero-radio-station-grain-store',
    body: doc(
      p(
        'The radio station in the Varesh valley broadcasts from a former grain store with walls half a metre thick. When we first visited, its editor, Halina Brezan, asked us one question before she agreed to be filmed: ',
        em('"What will you do with the footage of my reporters\' faces?"'),
      ),
      p(
        'This piece explains how we answered her, and the other decisions that shaped ',
        link('Dispatches from a Quiet Front', '/documentaries/dispatches-from-a-quiet-front'),
        '.',
      ),
      excerpt('dispatches-from-a-quiet-front/evening-bulletin'),
      h2('Faces and locations'),
      p(
        "Both of the station's reporters are under 25. One asked that her face not appear in any shot where the station's building was also recognisable. We agreed, and we blurred or reframed 41 shots in the edit. We also removed every exterior view that would let someone identify the building from the air.",
      ),
      quote(
        'We are not brave. We are the only ones left, which is a different thing.',
        'Halina Brezan, station editor',
      ),
      h2('Timing'),
      p(
        'We held the film for six weeks after the final edit so that no footage would be published while the people in it were still at the locations shown. That delay is now part of our ',
        link('standards', '/standards'),
        ' for conflict reporting.',
      ),
      excerpt('dispatches-from-a-quiet-front/checking-the-list'),
      p(
        "The second excerpt shows the station's verification routine. A casualty name is not read on air until two independent sources — usually the clinic and a family member — have confirmed it. ",
        bold('On three occasions during filming, that rule kept a wrong name off the air.'),
      ),
      docCard('dispatches-from-a-quiet-front'),
    ),
    publishedHoursAgo: 70,
    corrections: [],
  },
  {
    slug: 'inside-the-final-year-of-the-carver-falls-mill',
    title: 'Inside the final year of the Carver Falls mill',
    dek: 'For three years, our cameras followed the workers who ran the looms until the day the power was cut.',
    section: 'documentary-companion',
    authors: ['gabriel-oyelaran', 'noor-haddad'],
    topics: ['business-and-economy', 'social-issues'],
    documentaries: ['the-last-shift'],
    hero: 'hero-mill-at-dusk',
    body: doc(
      p(
        "The Carver Falls mill never needed a clock tower. For 118 years the whistle did the job: six in the morning, two in the afternoon, ten at night. When the owners announced the closure, the town council's first question was whether the whistle could be kept.",
      ),
      excerpt('the-last-shift/the-whistle'),
      p(
        'The answer was no — the steam line that fed it would be capped along with everything else. That detail, small as it was, became the opening of ',
        link('The Last Shift', '/documentaries/the-last-shift'),
        '.',
      ),
      img('mill-loom-floor'),
      h2('Four people, one year'),
      p('We chose to follow four workers who had different stakes in the closure:'),
      ul([
        [bold('Ray Dunleavy'), ', a loom fixer two years short of a full pension'],
        [bold('Carla Benning'), ', a shift supervisor who started at seventeen'],
        [bold('Yvette Amador'), ', a mother of three retraining as a medical coder'],
        [bold('Jonah Pruitt'), ", the plant's last apprentice, hired eleven weeks before the announcement"],
      ]),
      excerpt('the-last-shift/loom-fixer'),
      quote(
        "You don't stop taking care of a machine because somebody sold it. It still runs today.",
        'Ray Dunleavy, loom fixer',
      ),
      p(
        "Our data reporter's analysis of what came next — the jobs that replaced the mill and how long they lasted — is in ",
        link('a separate investigation', '/stories/warehouse-jobs-after-the-mill-paid-less'),
        '.',
      ),
      docCard('the-last-shift'),
    ),
    publishedHoursAgo: 500,
    corrections: [],
  },
  {
    slug: 'why-port-alder-voted-to-move-inland',
    title: 'Why Port Alder voted to move itself inland',
    dek: "The town's buyout referendum passed by 212 votes. The people on both sides explain how they decided.",
    section: 'documentary-companion',
    authors: ['ines-calloway', 'joanna-pilgrim'],
    topics: ['climate-and-environment', 'us-politics'],
    documentaries: ['high-water-mark'],
    hero: 'hero-port-alder-harbour',
    body: doc(
      p(
        'On the morning after the October storm, the water in the Port Alder elementary schoolyard was knee-deep and smelled of diesel. The principal waded in to retrieve the attendance binders. Eighteen months later, the town voted 1,604 to 1,392 to buy out its three lowest neighbourhoods.',
      ),
      excerpt('high-water-mark/the-schoolyard'),
      p(
        "Turnout was the highest for a local question in the town's recorded history. We asked residents on both sides to walk us through their reasoning.",
      ),
      h2('The case for leaving'),
      p(
        'Supporters talked less about sea-level projections than about insurance. Premiums on Harbor Street rose 340 percent in four years, and two of the three insurers that wrote policies in town stopped renewing them.',
      ),
      quote(
        'I did the math on a napkin. I could keep paying for a house the ocean wants, or I could take the offer while it was still an offer.',
        'Denise Okafor-Vance, Harbor Street resident',
      ),
      h2('The case for staying'),
      p(
        'Opponents worried about what the buyout did not cover: the church, the marina, the diner that has opened at 5 a.m. since 1962. Several said they did not trust the state to pay out on schedule.',
      ),
      excerpt('high-water-mark/counting-night'),
      p(
        'For how the buyout money is actually moving, read ',
        link(
          "our investigation into the program's first year",
          '/stories/inside-the-buyout-program-that-moved-212-homes',
        ),
        '.',
      ),
      docCard('high-water-mark'),
    ),
    publishedHoursAgo: 1150,
    corrections: [],
  },
  {
    slug: 'what-the-tern-county-ledger-shows',
    title: 'What the Tern County ledger shows',
    dek: 'We digitised 31 years of jail fee records. Here is what they reveal about who paid.',
    section: 'documentary-companion',
    authors: ['desmond-achterberg', 'lena-marchetti'],
    topics: ['criminal-justice', 'social-issues'],
    documentaries: ['the-ledger'],
    hero: 'hero-ledger-pages',
    body: doc(
      p(
        'The Tern County jail kept its fee records in bound ledgers until 2009 and in a spreadsheet after that. Over eight months we photographed, transcribed and checked ',
        bold('211,400 entries'),
        ' covering 1993 to 2024.',
      ),
      excerpt('the-ledger/reading-the-ledger'),
      h2('What we found'),
      ul([
        'Nearly half of all fees were billed to people whose charges were later dropped or dismissed.',
        'The median debt at release was $1,180; the median amount ever collected was $95.',
        'The county spent more on a private collections contractor in 2022 than it recovered from the people it billed that year.',
      ]),
      excerpt('the-ledger/the-invoice'),
      blockquote(
        'The Board finds that the fee schedule has not been reviewed since its adoption and that no record exists of a cost study supporting the daily rate.',
        em(
          '— Tern County Board of Supervisors, draft resolution, read into the record at the meeting shown in the film',
        ),
      ),
      p(
        'Our full methodology, including the entries we could not read, is published on ',
        link('our data page', 'https://example.org/data/tern-county-ledger'),
        '.',
      ),
      docCard('the-ledger'),
    ),
    publishedHoursAgo: 1860,
    corrections: [],
  },
  {
    slug: 'reading-a-1100-page-asylum-file',
    title: 'Reading a 1,100-page asylum file',
    dek: "With Amara Tesfay's permission, we read every page of her case. Most of it is about scheduling.",
    section: 'documentary-companion',
    authors: ['noor-haddad'],
    topics: ['immigration', 'world'],
    documentaries: ['paper-borders'],
    hero: 'hero-asylum-file-boxes',
    body: doc(
      p(
        "Amara Tesfay keeps her asylum file in two banker's boxes under her bed. When she agreed to let us read it, she asked only that we not photograph her sons' school records. We did not.",
      ),
      excerpt('paper-borders/notice-to-appear'),
      p(
        "Of the file's 1,104 pages, we classified 612 as procedural: notices of hearing, notices of rescheduling, change-of-address forms and receipts. Only 143 pages concern the facts of why she left home.",
      ),
      img('asylum-file-table'),
      p(
        'The procedural pages tell their own story. Her hearing was rescheduled nine times: four times because the judge was reassigned, twice because no Tigrinya interpreter was available, once for a courtroom flood and twice at the request of the government. Each notice arrived by post, and each one had to be answered within a deadline printed in English.',
      ),
      quote('Every letter I open, I think it is the decision. It is always a new date.', 'Amara Tesfay'),
      excerpt('paper-borders/the-interpreter'),
      p(
        'The interpreters who appear in the film, and the invoices that went unpaid, are the subject of ',
        link('a later story', '/stories/interpreters-quit-county-court-over-unpaid-invoices'),
        '.',
      ),
      docCard('paper-borders'),
    ),
    publishedHoursAgo: 1980,
    corrections: [],
  },
  {
    slug: 'ninety-minutes-in-dunmore-county',
    title: 'Ninety minutes: a stroke, a snowstorm and the road to the nearest hospital',
    dek: 'One call from the winter we spent with the Dunmore County ambulance crew, minute by minute.',
    section: 'documentary-companion',
    authors: ['farida-osei'],
    topics: ['health'],
    documentaries: ['forty-miles-to-care'],
    hero: 'hero-ambulance-night-road',
    body: doc(
      p(
        'The call came in at 2:07 a.m. A woman in her seventies, slurred speech, a farmhouse on Quarry Hill Road. The nearest hospital able to treat a stroke was 41 miles away.',
      ),
      excerpt('forty-miles-to-care/the-call'),
      p(
        'Stroke treatment is measured in minutes. Guidelines aim for a clot-dissolving drug within an hour of arrival at hospital; every minute of delay costs brain tissue. In Dunmore County, the drive alone takes longer than that in good weather.',
      ),
      excerpt('forty-miles-to-care/route-212'),
      quote(
        'We used to drive twelve minutes to Memorial. Now the drive is the treatment. We are the hospital until we are not.',
        'Wes Hartigan, volunteer paramedic',
      ),
      hr(),
      p(
        'The patient survived. She spent three weeks in a rehabilitation unit two counties away. For the paper trail behind the closure, see ',
        link('our investigation', '/stories/the-hospital-that-closed-on-paper'),
        ' and the documentary ',
        link(em('Forty Miles to Care'), '/documentaries/forty-miles-to-care'),
        '.',
      ),
    ),
    publishedHoursAgo: 1420,
    corrections: [],
  },
]
