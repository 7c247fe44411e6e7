// Stories about rural health care and climate adaptation.
import { bold, docCard, doc, em, h2, h3, hr, img, link, ol, p, quote, ul } from './build.js'
import type { DemoStory } from './types.js'

/** Health and climate stories. */
export const healthClimateStories: DemoStory[] = [
  {
    slug: 'the-hospital-that-closed-on-paper',
    title: 'The hospital that closed on paper but not in the ambulance routes',
    dek: 'Eight months after Dunmore Memorial shut, state dispatch software was still sending patients to its empty emergency bay.',
    section: 'investigation',
    authors: ['farida-osei', 'lena-marchetti'],
    topics: ['health', 'business-and-economy'],
    documentaries: ['forty-miles-to-care'],
    hero: 'hero-closed-hospital-entrance',
    body: doc(
      p(
        'When Dunmore Memorial Hospital closed, its owner filed the required notice with the state health department. But the regional dispatch system, which recommends a destination hospital to ambulance crews, was never updated. For eight months, it continued to list Memorial as the closest emergency department for much of the county.',
      ),
      p(
        "We obtained 2,340 dispatch records under the state's public-records law. In ",
        bold('96 cases'),
        ', the system recommended Memorial after it had closed. Crews caught the error every time, usually because they already knew — but in 14 cases, the correction added more than five minutes to the response.',
      ),
      img('dispatch-console'),
      h2('Who was responsible'),
      p(
        'The health department said updating dispatch data was the job of the regional emergency-services council. The council said it relies on the health department to notify it of closures. Neither agency could produce a record of the notification.',
      ),
      quote(
        "The crews knew. The computer didn't. In this job, you don't want to be the one who has to know better than the computer at three in the morning.",
        'Lorna Keswick, Dunmore County EMS coordinator',
      ),
      h3('What has changed'),
      ul([
        'The dispatch listing was corrected two days after we asked about it.',
        'The health department now sends closure notices directly to all six regional councils.',
        'A state senator has proposed making the notification a legal requirement.',
      ]),
      p(
        'Our findings build on the reporting in ',
        link('Forty Miles to Care', '/documentaries/forty-miles-to-care'),
        '. The dispatch data and our analysis are ',
        link('available for download', 'https://example.org/data/dunmore-dispatch'),
        '.',
      ),
    ),
    publishedHoursAgo: 380,
    corrections: [
      {
        kind: 'correction',
        body: 'An earlier version of this story said 112 dispatch recommendations listed the closed hospital. After re-checking duplicate entries, the correct figure is 96.',
        daysAfterPublication: 3,
      },
    ],
  },
  {
    slug: 'how-rural-hospitals-are-paid-in-five-numbers',
    title: 'How rural hospitals are paid, in five numbers',
    dek: 'Why a full waiting room does not keep a small hospital open.',
    section: 'explainer',
    authors: ['farida-osei'],
    topics: ['health', 'business-and-economy'],
    documentaries: ['forty-miles-to-care'],
    hero: 'hero-small-hospital-parking-lot',
    body: doc(
      p(
        "Small hospitals close for many reasons, but most of them come down to arithmetic. Here are five figures that explain why places like Dunmore Memorial struggle — figures drawn from the hospital's final three annual cost reports.",
      ),
      ol([
        [
          bold('62 percent'),
          ' of patients were covered by public insurance, which pays less than the cost of care for many services.',
        ],
        [bold('11 percent'), ' had no insurance at all, and most of their bills were never paid.'],
        [
          bold('$2.1 million'),
          ' a year went to staffing the emergency department around the clock, however few patients came.',
        ],
        [
          bold('4.3 patients'),
          ' was the average number of inpatients on a given night, in a building licensed for 25.',
        ],
        [bold('$0'), " of the sale price paid by the hospital's last owner was set aside for the pension fund."],
      ]),
      p(
        'None of these numbers alone closed the hospital. Together, they meant that every month the building was open cost more than it brought in. For how the closure played out on the road, watch ',
        link(em('Forty Miles to Care'), '/documentaries/forty-miles-to-care'),
        '.',
      ),
      docCard('forty-miles-to-care'),
    ),
    publishedHoursAgo: 820,
    corrections: [],
  },
  {
    slug: 'state-panel-delays-vote-on-dunmore-clinic',
    title: 'State panel delays vote on Dunmore County emergency clinic',
    dek: 'A proposed 24-hour standalone emergency department would cut the drive to care in half. Its license will wait another month.',
    section: 'article',
    authors: ['farida-osei'],
    topics: ['health', 'us-politics'],
    documentaries: ['forty-miles-to-care'],
    hero: 'hero-clinic-construction-site',
    body: doc(
      p(
        'The state Health Facilities Review Board on Wednesday postponed its vote on a license for a standalone emergency department in Dunmore, citing unresolved questions about how the facility would transfer patients who need surgery.',
      ),
      p(
        'The proposal, from a nonprofit health system based two counties away, would open a 24-hour emergency department in the former Memorial outpatient wing. It would not admit patients overnight.',
      ),
      p(
        'Board members asked the applicant to return with signed transfer agreements from at least two hospitals with surgical capacity, and with a plan for staffing the department with board-certified emergency physicians overnight. The applicant said both were "in late-stage discussions."',
      ),
      quote(
        'A month is not long for a board. It is a long time to drive forty miles.',
        'Harriet Oduya, Dunmore County commissioner',
      ),
      p(
        'The board will take up the application again at its next meeting. Our coverage of the county since the hospital closed is collected on the ',
        link('Health topic page', '/topics/health'),
        '.',
      ),
    ),
    publishedHoursAgo: 20,
    corrections: [],
  },
  {
    slug: 'inside-the-buyout-program-that-moved-212-homes',
    title: 'Sandbags and spreadsheets: inside the buyout program that moved 212 homes',
    dek: 'A year after Port Alder voted to retreat from the shore, the first families have moved. Others are still waiting for appraisals.',
    section: 'investigation',
    authors: ['ines-calloway', 'lena-marchetti'],
    topics: ['climate-and-environment', 'business-and-economy'],
    documentaries: ['high-water-mark'],
    hero: 'hero-empty-lots-shoreline',
    body: doc(
      p(
        "The buyout program that Port Alder approved in its ballot measure has closed on 212 homes. By the state's own estimate, 540 households are eligible.",
      ),
      p(
        'We reviewed every closing document filed with the county recorder and interviewed 38 households. The program has been fastest for homeowners with clear title and no mortgage — and slowest for the people it was most meant to help.',
      ),
      img('moving-truck-harbor-street'),
      h2('Where the delays are'),
      ul([
        [bold('Inherited homes: '), 'houses passed down without probate can take a year to clear title.'],
        [
          bold('Manufactured homes: '),
          'owners of the land and owners of the home are often different people, and the program pays only for land.',
        ],
        [bold('Renters: '), 'tenants receive relocation aid only if their landlord accepts a buyout.'],
      ]),
      quote(
        'They bought the house. Nobody bought the twenty years I spent fixing it.',
        'Gil Marrero, former Ferry Lane resident',
      ),
      p(
        'The state\'s resilience office said it had hired four additional title specialists. Its director called the first year "a learning year." The vote that started it all is the subject of ',
        link('High Water Mark', '/documentaries/high-water-mark'),
        '.',
      ),
      docCard('high-water-mark'),
    ),
    publishedHoursAgo: 650,
    corrections: [],
  },
  {
    slug: 'managed-retreat-explained',
    title: 'Managed retreat, explained',
    dek: 'The phrase makes planners nod and residents bristle. What it means, how it is paid for, and where it has been tried.',
    section: 'explainer',
    authors: ['ines-calloway'],
    topics: ['climate-and-environment', 'us-politics'],
    documentaries: ['high-water-mark'],
    hero: 'hero-tidal-marsh',
    body: doc(
      p(
        bold('Managed retreat'),
        ' is the planned movement of homes, roads and public buildings away from places that face repeated flooding or erosion. It is the opposite of building higher walls: instead of holding the water back, a community gets out of its way.',
      ),
      h2('How it works'),
      ul([
        'A government offers to buy properties in a high-risk area, usually at pre-disaster market value.',
        'Bought properties are demolished and the land is kept as open space, often wetland or park.',
        'The community may build new housing on higher ground for those who want to stay in town.',
      ]),
      h2('Why it is hard'),
      p(
        'Buyouts are voluntary, so neighbourhoods end up half-empty. Property taxes fall as homes are removed from the rolls. And the word "retreat" itself suggests defeat, which is why many programs avoid it.',
      ),
      hr(),
      p(
        'Port Alder is one of very few towns that put the question to a public vote. Read ',
        link('why residents voted yes', '/stories/why-port-alder-voted-to-move-inland'),
        ', or browse more on ',
        link('Climate and Environment', '/topics/climate-and-environment'),
        '.',
      ),
    ),
    publishedHoursAgo: 1000,
    corrections: [],
  },
]
