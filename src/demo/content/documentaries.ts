// The demo newsroom's six documentaries. Places, people and events are invented.
// Excerpts sit inside the first 45 seconds because the generated demo videos are that short.
import type { DemoDocumentary } from './types.js'

/** Documentaries, newest first. */
export const documentaries: DemoDocumentary[] = [
  {
    slug: 'dispatches-from-a-quiet-front',
    title: 'Dispatches from a Quiet Front',
    dek: 'Three local reporters keep a valley informed through a war the world has stopped watching.',
    synopsis: `In the Varesh valley, the front line has barely moved in two years. The shelling has not stopped, but the foreign crews have gone home, and the only people still reporting from the valley are the three staff of a radio station that broadcasts from a converted grain store.

Filmed over fourteen months, Dispatches from a Quiet Front follows the station's editor, a former schoolteacher, and her two young reporters as they verify casualty reports, read out bread-distribution times and decide, every evening, what they can safely say on air.

The film asks what happens to a community when its war no longer counts as news elsewhere — and what it costs the people who keep telling its story anyway.`,
    runtimeSeconds: 1740,
    releaseDate: '2025-03-14',
    poster: 'poster-dispatches-from-a-quiet-front',
    topics: ['war-and-conflict', 'journalism-under-threat', 'world'],
    credits: [
      { role: 'Director', name: 'Kit Navarro' },
      { role: 'Producer', name: 'Samira Delacourt' },
      { role: 'Editor', name: 'Oren Matthiesen' },
      { role: 'Director of Photography', name: 'Kit Navarro' },
      { role: 'Original Music', name: 'Lidia Vorontsova-Reyes' },
      { role: 'Executive Producer', name: 'Wendell Tso' },
    ],
    funders: ['meridian-civic-trust'],
    excerpts: [
      {
        key: 'evening-bulletin',
        title: 'The evening bulletin',
        caption: "The station editor reads the day's verified reports as the generator hums outside.",
        startSeconds: 4,
        endSeconds: 19,
      },
      {
        key: 'checking-the-list',
        title: 'Checking the list',
        caption: 'A reporter calls a clinic to confirm the names of the wounded before broadcast.',
        startSeconds: 24,
        endSeconds: 41,
      },
    ],
    publishedDaysAgo: 3,
  },
  {
    slug: 'the-last-shift',
    title: 'The Last Shift',
    dek: 'A year inside a textile mill as it winds down, and a town that kept its clocks by the whistle.',
    synopsis: `For 118 years, the Carver Falls mill set the rhythm of its town: the six o'clock whistle, the Friday pay envelopes, the summer shutdown when everyone went to the lake. When its owner announced the closure, 640 people had one year left on the floor.

The Last Shift follows four workers through that final year — a loom fixer two years from his pension, a shift supervisor who started at seventeen, a mother of three retraining as a medical coder, and the plant's last apprentice.

Around them, the town negotiates with the company over the pension fund, the school district redraws its budget, and a warehouse developer makes promises that the film checks, line by line, in the months after the lights go off.`,
    runtimeSeconds: 6840,
    releaseDate: '2025-02-21',
    poster: 'poster-the-last-shift',
    topics: ['business-and-economy', 'social-issues'],
    credits: [
      { role: 'Director', name: 'Marguerite Ashdown' },
      { role: 'Producer', name: 'Gabriel Oyelaran' },
      { role: 'Editor', name: 'Tobiah Renwick' },
      { role: 'Director of Photography', name: 'Joanna Pilgrim' },
      { role: 'Original Music', name: 'The Hollis Quartet' },
      { role: 'Executive Producer', name: 'Wendell Tso' },
    ],
    funders: ['harrow-lane-foundation', 'northgate-community-foundation'],
    excerpts: [
      {
        key: 'the-whistle',
        title: 'The whistle',
        caption: "The six o'clock whistle sounds over Carver Falls for one of the last times.",
        startSeconds: 2,
        endSeconds: 14,
      },
      {
        key: 'loom-fixer',
        title: 'The loom fixer',
        caption: 'Ray Dunleavy explains why he still oils a machine that will be sold for scrap.',
        startSeconds: 20,
        endSeconds: 38,
      },
    ],
    publishedDaysAgo: 21,
  },
  {
    slug: 'high-water-mark',
    title: 'High Water Mark',
    dek: 'A coastal town votes on whether to move itself a mile inland.',
    synopsis: `Port Alder has flooded eleven times in fifteen years. After the last storm pushed seawater into the elementary school, the town council put a question on the ballot that no community in the state had asked before: should the town buy out its lowest streets and rebuild on higher ground?

High Water Mark follows the eighteen months between the storm and the vote, from kitchen-table arguments to engineering hearings to the day the ballots were counted in the fire station.

The film stays with the residents who took the buyout and the ones who refused it, and asks who gets to decide when a place is no longer safe to call home.`,
    runtimeSeconds: 5220,
    releaseDate: '2024-12-06',
    poster: 'poster-high-water-mark',
    topics: ['climate-and-environment', 'us-politics'],
    credits: [
      { role: 'Director', name: 'Anselm Kowalczyk-Reid' },
      { role: 'Producer', name: 'Ines Calloway' },
      { role: 'Editor', name: 'Priyanka Sethuraman' },
      { role: 'Director of Photography', name: 'Joanna Pilgrim' },
      { role: 'Original Music', name: 'Maeve Costigan' },
      { role: 'Executive Producer', name: 'Wendell Tso' },
    ],
    funders: ['wrenfield-family-fund', 'harrow-lane-foundation'],
    excerpts: [
      {
        key: 'the-schoolyard',
        title: 'The schoolyard',
        caption: 'Seawater stands in the Port Alder elementary schoolyard the morning after the storm.',
        startSeconds: 3,
        endSeconds: 16,
      },
      {
        key: 'counting-night',
        title: 'Counting night',
        caption: 'Residents wait in the fire station as the buyout ballots are counted.',
        startSeconds: 25,
        endSeconds: 43,
      },
    ],
    publishedDaysAgo: 48,
  },
  {
    slug: 'paper-borders',
    title: 'Paper Borders',
    dek: 'One asylum case, one immigration court and a file that grew to 1,100 pages.',
    synopsis: `When Amara Tesfay arrived at the border with her two sons, her asylum hearing was scheduled for a date four years away. Paper Borders follows her case through the Lakeshore Immigration Court, one of the most backlogged in the country, from the first notice to appear to the final ruling.

Along the way the film meets the court's interpreters, a legal-aid attorney with 340 open cases, and a retired judge who agreed to explain, on camera, why so many hearings end in continuances.

It is a film about waiting: what a life looks like when it is held in a folder, and what happens to the children who grow up inside that wait.`,
    runtimeSeconds: 4500,
    releaseDate: '2024-10-18',
    poster: 'poster-paper-borders',
    topics: ['immigration', 'world'],
    credits: [
      { role: 'Director', name: 'Yusra Bellamy' },
      { role: 'Producer', name: 'Gabriel Oyelaran' },
      { role: 'Editor', name: 'Hallvard Enge' },
      { role: 'Director of Photography', name: 'Kit Navarro' },
      { role: 'Original Music', name: 'Cassius Obi-Lindqvist' },
      { role: 'Executive Producer', name: 'Wendell Tso' },
    ],
    funders: ['meridian-civic-trust'],
    excerpts: [
      {
        key: 'notice-to-appear',
        title: 'Notice to appear',
        caption: 'Amara Tesfay reads her hearing date aloud for the first time.',
        startSeconds: 5,
        endSeconds: 17,
      },
      {
        key: 'the-interpreter',
        title: 'The interpreter',
        caption: 'A court interpreter describes translating the same question forty times a day.',
        startSeconds: 21,
        endSeconds: 40,
      },
    ],
    publishedDaysAgo: 95,
  },
  {
    slug: 'the-ledger',
    title: 'The Ledger',
    dek: 'How a county jail billed the people it held — and the families who paid.',
    synopsis: `In Tern County, a night in jail came with an invoice. Booking fees, daily room-and-board charges, phone-card surcharges and a fee for the electronic monitor that let people go home before trial: all of it was recorded in a ledger that followed people for years after their cases ended.

The Ledger began as a records request and became a two-year investigation. The film follows three families through their debts, the county clerk who kept the books, and the public defender who argued that the fees punished people who had not been convicted of anything.

It ends at the county board meeting where, for the first time, the ledger was read into the public record.`,
    runtimeSeconds: 3960,
    releaseDate: '2024-09-05',
    poster: 'poster-the-ledger',
    topics: ['criminal-justice', 'social-issues'],
    credits: [
      { role: 'Director', name: 'Desmond Achterberg' },
      { role: 'Producer', name: 'Rosalind Fairweather' },
      { role: 'Editor', name: 'Tobiah Renwick' },
      { role: 'Director of Photography', name: 'Kit Navarro' },
      { role: 'Original Music', name: 'Imre Gallagher' },
      { role: 'Executive Producer', name: 'Wendell Tso' },
    ],
    funders: ['harrow-lane-foundation', 'meridian-civic-trust'],
    excerpts: [
      {
        key: 'the-invoice',
        title: 'The invoice',
        caption: "A mother unfolds the jail bill she received three months after her son's charges were dropped.",
        startSeconds: 2,
        endSeconds: 15,
      },
      {
        key: 'reading-the-ledger',
        title: 'Reading the ledger',
        caption: 'The county clerk pages through handwritten fee entries from the 1990s.',
        startSeconds: 18,
        endSeconds: 36,
      },
    ],
    publishedDaysAgo: 140,
  },
  {
    slug: 'forty-miles-to-care',
    title: 'Forty Miles to Care',
    dek: 'After the only hospital in Dunmore County closed, an ambulance crew became the emergency room.',
    synopsis: `When Dunmore Memorial closed its doors, the nearest emergency room moved forty miles away, over a two-lane road that ices over every winter. The county's volunteer ambulance service, eleven people and two rigs, became the only link between a heart attack and a hospital bed.

Forty Miles to Care rides along with the crew for a winter and follows the paper trail behind the closure: the private-equity purchase, the unpaid supplier invoices and the state license that lapsed quietly on a Friday afternoon.

It is a short film about a long drive, and about the people who make it at two in the morning.`,
    runtimeSeconds: 2880,
    releaseDate: '2024-07-26',
    poster: 'poster-forty-miles-to-care',
    topics: ['health', 'business-and-economy'],
    credits: [
      { role: 'Director', name: 'Farida Osei' },
      { role: 'Producer', name: 'Corentin Abara' },
      { role: 'Editor', name: 'Priyanka Sethuraman' },
      { role: 'Director of Photography', name: 'Joanna Pilgrim' },
      { role: 'Original Music', name: 'Maeve Costigan' },
      { role: 'Executive Producer', name: 'Wendell Tso' },
    ],
    funders: ['northgate-community-foundation'],
    excerpts: [
      {
        key: 'the-call',
        title: 'The call',
        caption: 'A dispatcher takes a 2 a.m. call from a farmhouse thirty-eight miles from the nearest hospital.',
        startSeconds: 3,
        endSeconds: 13,
      },
      {
        key: 'route-212',
        title: 'Route 212',
        caption: 'The ambulance crew times the drive over the ridge in freezing rain.',
        startSeconds: 16,
        endSeconds: 34,
      },
    ],
    publishedDaysAgo: 200,
  },
]
