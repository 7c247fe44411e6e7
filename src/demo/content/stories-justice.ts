// Stories about courts, fees, jails and housing.
import { blockquote, bold, br, docCard, doc, em, excerpt, h2, h3, img, link, ol, p, quote, ul } from './build.js'
import type { DemoStory } from './types.js'

/** Criminal-justice and social-issues stories. */
export const justiceStories: DemoStory[] = [
  {
    slug: 'fees-and-fines-how-a-ticket-becomes-1400',
    title: 'Fees & "fines": how a <$50 ticket becomes $1,400',
    dek: 'In three counties, a missed court date on a minor ticket triggers a chain of surcharges, late fees and license suspensions. We followed the money.',
    section: 'investigation',
    authors: ['desmond-achterberg', 'lena-marchetti'],
    topics: ['criminal-justice', 'social-issues'],
    documentaries: ['the-ledger'],
    hero: 'hero-courthouse-steps',
    body: doc(
      p(
        "Tasha Whitcombe's ticket was for a broken tail light: $45. She paid it online the day she got it, but the payment portal logged it against the wrong case number. Fourteen months later, she owed Halvorsen County ",
        bold('$1,412.60'),
        '.',
      ),
      p(
        'Her case is not unusual. We analysed 58,000 traffic and misdemeanour cases filed between 2019 and 2023 in three counties and found that for tickets under $50, the ',
        em('median'),
        ' final balance for people who missed a single deadline was 11 times the original fine.',
      ),
      h2('How the balance grows'),
      ol([
        'A missed payment deadline adds a $75 "failure to appear" fee, even when no hearing was scheduled.',
        "The court notifies the state, which suspends the driver's license and charges $150 to reinstate it.",
        'After 90 days the debt goes to a private collector, who adds a 28 percent commission.',
        'Driving on the suspended license — often to work — produces a new charge with its own fees.',
      ]),
      quote(
        'Nobody ever said the word "fine" to me after the first letter. It was all fees. Fees for the fees.',
        'Tasha Whitcombe',
      ),
      h3('What the counties say'),
      p(
        'Halvorsen County\'s court administrator said in a written statement that fee amounts are "set by statute and applied uniformly." Two of the three counties said they would review how online payments are matched to cases. Read our ',
        link('explainer on pretrial fees', '/stories/what-is-pretrial-detention-and-who-pays'),
        ' for the state law behind the charges, and how we handle responses in our ',
        link('standards', '/standards'),
        '.',
      ),
      docCard('the-ledger'),
    ),
    publishedHoursAgo: 30,
    corrections: [
      {
        kind: 'correction',
        body: 'An earlier version of this story said the collections commission was 32 percent. It is 28 percent.',
        daysAfterPublication: 1,
      },
    ],
  },
  {
    slug: 'tern-county-ends-pay-to-stay-jail-fees',
    title: 'Tern County to stop charging jail "pay-to-stay" fees after review',
    dek: 'The board voted 4–1 to end daily room-and-board charges and to forgive $3.2 million in uncollected debt.',
    section: 'article',
    authors: ['desmond-achterberg'],
    topics: ['criminal-justice', 'us-politics'],
    documentaries: ['the-ledger'],
    hero: 'hero-county-board-meeting',
    body: doc(
      p(
        'The Tern County Board of Supervisors voted 4–1 on Tuesday night to stop billing people held in the county jail for their own detention, ending a practice that began in 1993 and that was the subject of the documentary ',
        link(em('The Ledger'), '/documentaries/the-ledger'),
        '.',
      ),
      p(
        'The resolution also forgives roughly $3.2 million in outstanding fees, most of it owed by people who were never convicted of the charges that led to their detention.',
      ),
      quote(
        'We were running a collections agency with a jail attached. Tonight we stop.',
        'Supervisor Marisol Grattan',
      ),
      p(
        'The lone vote against came from Supervisor Dale Eckhart, who said the county would need to replace the revenue. Budget staff estimated the fees brought in about $310,000 a year, less than the cost of collecting them.',
      ),
      ul([
        'Daily room-and-board charges end on the first of next month.',
        'Booking and electronic-monitoring fees remain under review.',
        'People who paid fees in the past will not be refunded.',
      ]),
    ),
    publishedHoursAgo: 2,
    corrections: [],
  },
  {
    slug: 'what-is-pretrial-detention-and-who-pays',
    title: 'What is pretrial detention, and who pays for it?',
    dek: 'Most people in county jails have not been convicted. A short guide to how they got there and what it costs them.',
    section: 'explainer',
    authors: ['lena-marchetti'],
    topics: ['criminal-justice'],
    documentaries: ['the-ledger'],
    hero: 'hero-jail-corridor',
    body: doc(
      p(
        bold('Pretrial detention'),
        ' means being held in jail while a criminal case is pending — before any finding of guilt. In most states, a judge decides at a first appearance whether a person can go home, and on what conditions.',
      ),
      h2('Who is held?'),
      p(
        'Nationally, a majority of people in local jails on a given day have not been convicted. Many are held because they cannot afford a bail amount, sometimes as little as a few hundred dollars.',
      ),
      h2('Who pays?'),
      ol([
        [bold('Taxpayers'), ' fund the jail itself, typically through the county budget.'],
        [bold('Defendants'), ' in many counties are billed booking fees, daily charges and monitoring fees.'],
        [bold('Families'), ' pay for phone calls, commissary and bail, and often for the fees after release.'],
      ]),
      excerpt('the-ledger/the-invoice'),
      p(
        "See how one county's records documented these charges for three decades in ",
        link('What the Tern County ledger shows', '/stories/what-the-tern-county-ledger-shows'),
        '.',
      ),
    ),
    publishedHoursAgo: 1300,
    corrections: [],
  },
  {
    slug: 'budget-deal-leaves-public-defender-raises-out',
    title: 'Statehouse budget deal leaves public defender raises out',
    dek: "Prosecutors got a 6 percent increase. The state's public defenders, who carry nearly twice the recommended caseload, got none.",
    section: 'article',
    authors: ['elias-thornbury'],
    topics: ['us-politics', 'criminal-justice'],
    documentaries: [],
    hero: 'hero-statehouse-dome',
    body: doc(
      p(
        "The two-year budget agreement announced late Thursday includes a 6 percent salary increase for assistant district attorneys and no change in pay for the state's 410 public defenders, according to a summary circulated to legislators.",
      ),
      p(
        "The State Public Defender's Office had asked for $14 million to hire 60 attorneys and raise starting salaries, citing a caseload study that found its lawyers handle an average of 212 felony cases a year.",
      ),
      quote(
        'You cannot give one side of the courtroom a raise and call it a justice budget.',
        'Renata Solberg, State Public Defender',
      ),
      p(
        'A spokesperson for the Senate budget chair said the defender\'s request "arrived after the framework was set" and could be considered in a supplemental bill in the spring.',
      ),
      p(em('The budget still requires final votes in both chambers. We will update this story.')),
    ),
    publishedHoursAgo: 60,
    corrections: [
      {
        kind: 'correction',
        body: 'This story originally gave the number of public defenders as 460. The office employs 410 attorneys.',
        daysAfterPublication: 1,
      },
    ],
  },
  {
    slug: 'interpreters-quit-county-court-over-unpaid-invoices',
    title: 'Interpreters quit county court over unpaid invoices',
    dek: 'Eleven contract interpreters say they are owed a combined $186,000. Hearings in four languages have been postponed.',
    section: 'article',
    authors: ['noor-haddad', 'desmond-achterberg'],
    topics: ['immigration', 'criminal-justice'],
    documentaries: ['paper-borders'],
    hero: 'hero-empty-courtroom',
    body: doc(
      p(
        'Eleven contract interpreters who work in Lakeshore County courts stopped accepting assignments this week, saying some invoices have gone unpaid for more than five months.',
      ),
      p(
        "The walkout has postponed at least 37 hearings, including bail hearings, for people who speak Tigrinya, Haitian Creole, K'iche' and Pashto, according to a court scheduling memo we reviewed.",
      ),
      blockquote(
        [
          'We have been patient. We have translated for people whose freedom depends on every word, and we have done it on credit.',
        ],
        [em('— Letter from the interpreters to the court administrator')],
      ),
      p(
        'The county\'s finance director said a software change in the spring had sent interpreter invoices to the wrong approval queue and that payments would go out "within two weeks." Interpreters featured in ',
        link('Paper Borders', '/documentaries/paper-borders'),
        ' were among those who signed the letter.',
      ),
      img('interpreter-headset'),
    ),
    publishedHoursAgo: 230,
    corrections: [
      {
        kind: 'clarification',
        body: 'This story has been updated to make clear that the interpreters work for the county criminal and family courts, not the federal immigration court shown in Paper Borders, although several work in both.',
        daysAfterPublication: 2,
      },
    ],
  },
  {
    slug: 'eviction-filings-dont-show-the-whole-picture',
    title: '"The filing is the end of the story, not the start": a housing organiser on eviction data',
    dek: 'Court records count evictions. They miss the families who leave before a landlord ever files.',
    section: 'interview',
    authors: ['noor-haddad'],
    topics: ['social-issues', 'business-and-economy'],
    documentaries: [],
    hero: 'hero-apartment-block-evening',
    body: doc(
      p(
        'Odessa Finlay has organised tenants in the river wards of Millbrook for fifteen years. We asked her why the eviction numbers that officials cite so often feel wrong to the people she works with. This interview has been edited for length and clarity.',
      ),
      p(bold('The Long View: '), 'Eviction filings in Millbrook fell 18 percent last year. Is that good news?'),
      p(
        bold('Odessa Finlay: '),
        'It would be if it meant fewer people were losing their homes. What I see is landlords who learned that a filing shows up in tenant-screening reports, so they offer a tenant $500 and a week to leave instead. That never reaches a court.',
      ),
      quote(
        'The filing is the end of the story, not the start. By the time there is paperwork, most people have already gone.',
        'Odessa Finlay, tenant organiser',
      ),
      p(bold('The Long View: '), 'What would you count instead?'),
      p(
        bold('Odessa Finlay: '),
        'School transfers in the middle of the year. Calls to the shelter line. Utility shut-offs.',
        br(),
        'None of those are perfect, but together they tell you who moved and did not want to.',
      ),
      img('tenant-meeting-church-hall'),
      p(
        'Our data desk is testing some of these measures. If you work with housing records and want to help, ',
        link('write to us', 'https://example.org/contact/data-desk'),
        '.',
      ),
    ),
    publishedHoursAgo: 1250,
    corrections: [],
  },
]
