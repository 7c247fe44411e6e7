// Stories about work, local economies, Washington and the aftermath of war.
import { bold, docCard, doc, em, excerpt, h2, hr, img, link, ol, p, quote, ul } from './build.js'
import type { DemoStory } from './types.js'

/** Business, politics and world stories. */
export const economyStories: DemoStory[] = [
  {
    slug: 'aid-convoys-resume-on-the-northern-road',
    title: 'Aid convoys resume on the northern road after a six-week halt',
    dek: 'Fourteen trucks carrying flour, fuel and medical supplies reached the valley on Thursday. Aid groups say the route remains fragile.',
    section: 'article',
    authors: ['kit-navarro'],
    topics: ['war-and-conflict', 'world'],
    documentaries: ['dispatches-from-a-quiet-front'],
    hero: 'hero-convoy-mountain-road',
    body: doc(
      p(
        'A convoy of fourteen aid trucks reached the upper Varesh valley on Thursday afternoon, the first to use the northern road since a bridge was damaged six weeks ago.',
      ),
      p(
        "The trucks carried about 190 tonnes of flour, diesel for the valley's two clinics and generators, and insulin, according to the coordinating aid agency, the Valley Relief Consortium.",
      ),
      quote(
        'For six weeks we rationed insulin by the day. Today we can plan by the month.',
        'Dr. Anouk Veldhuis, clinic director in Varesh',
      ),
      p(
        'Aid workers cautioned that the repaired bridge can carry only one loaded truck at a time and that convoys depend on a local ceasefire arrangement that has broken down twice this year.',
      ),
      ul([
        'Flour: about 140 tonnes',
        'Diesel: 28,000 litres',
        'Medical supplies: 6 tonnes, including insulin and antibiotics',
      ]),
    ),
    publishedHoursAgo: 44,
    corrections: [],
  },
  {
    slug: 'a-ceasefires-first-month-measured-in-bakery-queues',
    title: "A ceasefire's first month, measured in bakery queues",
    dek: 'In the market town of Sorev, the length of the line outside the bakery has become the most trusted indicator of whether peace is holding.',
    section: 'article',
    authors: ['kit-navarro', 'joanna-pilgrim'],
    topics: ['world', 'war-and-conflict'],
    documentaries: [],
    hero: 'hero-bakery-queue-morning',
    body: doc(
      p(
        'At 6 a.m. on the first day of the ceasefire, the queue outside the Halloran Street bakery in Sorev ran to the end of the block. People were not sure the bread would be there tomorrow.',
      ),
      p(
        'By the fourth week, the queue was a dozen people long, and most of them were chatting. The baker, Idris Maelzer, has started keeping a notebook.',
      ),
      img('bakery-ovens'),
      quote(
        'When the line is short and people are laughing, I know they slept. When it is long and silent, I know something happened in the night.',
        'Idris Maelzer, baker',
      ),
      p(
        'Aid agencies measure the ceasefire in other ways — crossings opened, shells counted, convoys cleared. But residents say the bakery line is the number they watch. ',
        em('It is the one they can see from their windows.'),
      ),
      hr(),
      p('Read more of our ', link('World', '/topics/world'), ' coverage.'),
    ),
    publishedHoursAgo: 900,
    corrections: [],
  },
  {
    slug: 'warehouse-jobs-after-the-mill-paid-less',
    title: 'The warehouse jobs that arrived after the mill closed paid less — and disappeared faster',
    dek: 'The distribution centre promised 600 jobs to Carver Falls. We tracked what happened to them over two years.',
    section: 'investigation',
    authors: ['lena-marchetti', 'gabriel-oyelaran'],
    topics: ['business-and-economy', 'social-issues', 'us-politics'],
    documentaries: ['the-last-shift'],
    hero: 'hero-distribution-centre-lot',
    body: doc(
      p(
        'When the Carver Falls mill closed, the state\'s economic development agency announced a $9.5 million incentive package for a distribution centre on the edge of town. The developer committed to "up to 600 jobs."',
      ),
      p(
        "Using state wage records, the company's own compliance filings and interviews with 44 former mill workers, we found that the centre reached a peak of 412 employees and now employs 236.",
      ),
      h2('What we found'),
      ol([
        [
          bold('Lower pay: '),
          'the median hourly wage at the centre was $16.40, against $22.75 at the mill in its final year.',
        ],
        [
          bold('Shorter tenure: '),
          'more than half of the workers hired in the first year had left within nine months.',
        ],
        [bold('Few mill workers: '), 'only 71 former mill employees were ever hired.'],
      ]),
      quote(
        "It's a job. It's not a career. Nobody there is going to know my name in ten years, and that's fine, but it's different.",
        'Carla Benning, former mill shift supervisor',
      ),
      p(
        'The economic development agency said the incentives are tied to payroll targets and that it would "review compliance at the appropriate time." The developer did not respond to seven requests for comment.',
      ),
      docCard('the-last-shift'),
    ),
    publishedHoursAgo: 260,
    corrections: [
      {
        kind: 'correction',
        body: "An earlier version of this story gave the mill's final-year median wage as $23.75. It was $22.75.",
        daysAfterPublication: 1,
      },
      {
        kind: 'clarification',
        body: 'We have added that the incentive package is paid in instalments tied to payroll targets; the developer has so far received $3.1 million of the $9.5 million.',
        daysAfterPublication: 4,
      },
    ],
  },
  {
    slug: 'the-mill-was-the-towns-calendar-director-interview',
    title: '"The mill was the town\'s calendar": the director of The Last Shift on filming an ending',
    dek: 'Marguerite Ashdown spent three years in Carver Falls. She talks about trust, boredom and the shot she could not use.',
    section: 'interview',
    authors: ['noor-haddad'],
    topics: ['business-and-economy', 'social-issues'],
    documentaries: ['the-last-shift'],
    hero: 'hero-director-on-location',
    body: doc(
      p(
        'Marguerite Ashdown directed ',
        link(em('The Last Shift'), '/documentaries/the-last-shift'),
        ", our feature documentary about the final year of the Carver Falls textile mill. We spoke after the film's first public screening, in the Carver Falls high-school gym. The conversation has been edited for length.",
      ),
      p(bold("How did you earn the workers' trust?")),
      p(
        'Mostly by being boring. We came every week for four months before we turned the camera on. People stopped performing for us when they got tired of us.',
      ),
      excerpt('the-last-shift/the-whistle'),
      p(bold('Is there a scene you regret cutting?')),
      p(
        "There is a scene of Ray's wife listening to him rehearse his retirement speech in the kitchen. It was beautiful and it was private, and when we showed it to them, she asked us not to use it. So we did not.",
      ),
      quote(
        "Everyone in town could tell you what shift their grandfather worked. The mill was the town's calendar. When it closed, people lost track of time.",
        'Marguerite Ashdown, director',
      ),
      p(
        'The film is streaming now. Read our ',
        link('companion story', '/stories/inside-the-final-year-of-the-carver-falls-mill'),
        ' for more on the four workers it follows.',
      ),
    ),
    publishedHoursAgo: 450,
    corrections: [],
  },
  {
    slug: 'the-broadband-map-and-the-clinics-missing-from-it',
    title: "Congress's rural broadband map, and the clinics missing from it",
    dek: 'A federal map used to steer internet subsidies lists dozens of rural clinics as fully connected. Their staff say otherwise.',
    section: 'article',
    authors: ['elias-thornbury', 'farida-osei'],
    topics: ['us-politics', 'health'],
    documentaries: [],
    hero: 'hero-clinic-satellite-dish',
    body: doc(
      p(
        'A federal broadband availability map that will guide billions of dollars in subsidies lists 63 rural health clinics in four states as having high-speed service. When we called them, 41 said their connection could not reliably support a video appointment.',
      ),
      p(
        'The map relies on coverage claims filed by internet providers. Challenges can be filed by residents and local governments, but the process requires technical data most small clinics do not have.',
      ),
      img('clinic-telehealth-laptop'),
      quote(
        'The map says we have a hundred megabits. My nurse practitioner drives to the library parking lot to do telehealth visits.',
        'Joelle Tabakian, administrator, Quarry Hill Family Clinic',
      ),
      p(
        "A House subcommittee is scheduled to hold a hearing on the map's accuracy next month. More from Washington on our ",
        link('U.S. Politics', '/topics/us-politics'),
        ' page.',
      ),
    ),
    publishedHoursAgo: 560,
    corrections: [],
  },
]
