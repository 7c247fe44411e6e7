// The Long View's podcast, The Long Listen: three episodes about how the newsroom's films were
// reported. Invented like everything in the demo; the audio is generated tones, so the
// transcripts are what the episodes would say.
import { doc, em, link, p, ul } from './build.js'
import type { DemoShow } from './types.js'

export const podcast: DemoShow = {
  slug: 'the-long-listen',
  title: 'The Long Listen',
  description:
    'Reporters and filmmakers from The Long View talk through how a story was found, checked and told: the calls that went nowhere, the records that changed everything, and the people who agreed to be heard.\n\nA new episode every other week.',
  artwork: 'cover-the-long-listen',
  category: 'Society & Culture',
  subcategory: 'Documentary',
  author: 'The Long View',
  ownerName: 'The Long View podcasts desk',
  ownerEmail: 'podcasts@longview.example',
  copyright: '© 2026 The Long View',
  episodes: [
    {
      slug: 'welcome-to-the-long-listen',
      title: 'Welcome to The Long Listen',
      number: null,
      season: 1,
      episodeType: 'trailer',
      publishedDaysAgo: 30,
      seconds: 64,
      summary:
        'What this show is, who makes it, and why we think the reporting behind a film deserves a hearing of its own.',
      showNotes: doc(
        p('A short introduction to the show from its hosts, Noor Haddad and Wendell Tso.'),
        p(
          'Every episode starts from one of our ',
          link('documentaries', '/documentaries'),
          ' and asks the people who made it what the cameras did not catch.',
        ),
      ),
      chapters: [
        { startSeconds: 0, title: 'Hello' },
        { startSeconds: 22, title: 'What the show is for' },
        { startSeconds: 45, title: 'Coming up' },
      ],
      transcript: [
        { speaker: 'Noor Haddad', text: 'This is The Long Listen, from The Long View. I am Noor Haddad.' },
        { speaker: 'Wendell Tso', text: 'And I am Wendell Tso. We make documentaries that take their time.' },
        {
          speaker: 'Noor Haddad',
          text: 'Most of the work never reaches the screen: the calls, the records, the waiting.',
        },
        { speaker: 'Wendell Tso', text: 'This show is where that work gets a hearing.' },
        { speaker: 'Noor Haddad', text: 'Each episode picks one film and one question we had to answer to make it.' },
        {
          speaker: 'Wendell Tso',
          text: 'First up: a radio station in a grain store, and the valley that listens to it.',
        },
        { speaker: 'Noor Haddad', text: 'Subscribe wherever you get your podcasts. The first episode is out now.' },
      ],
    },
    {
      slug: 'the-station-in-the-grain-store',
      title: 'The station in the grain store',
      number: 1,
      season: 1,
      episodeType: 'full',
      publishedDaysAgo: 16,
      seconds: 78,
      summary:
        'How a two-person radio station in the Varesh valley kept broadcasting through the winter, and how we checked what its listeners told us.',
      showNotes: doc(
        p(
          'Kit Navarro spent eleven weeks in the valley. She tells Noor how the station’s schedule became the film’s timeline.',
        ),
        ul([
          'Why the transmitter log was the most reliable record in the valley',
          ['How we confirmed the ', em('convoy dates'), ' with three separate sources'],
          'What the station’s listeners asked us not to film',
        ]),
        p('More on the film on its ', link('documentaries page', '/documentaries'), '.'),
      ),
      chapters: [
        { startSeconds: 0, title: 'Cold open' },
        { startSeconds: 18, title: 'Arriving in the valley' },
        { startSeconds: 40, title: 'The transmitter log' },
        { startSeconds: 60, title: 'What we left out' },
      ],
      transcript: [
        {
          speaker: 'Kit Navarro',
          text: 'The first night, the station went silent at nine, and nobody in the village was surprised.',
        },
        { speaker: 'Noor Haddad', text: 'This is The Long Listen. Kit, how did you end up in a grain store?' },
        {
          speaker: 'Kit Navarro',
          text: 'The station moved there when the old building lost its roof. Two people run it.',
        },
        { speaker: 'Kit Navarro', text: 'They keep a transmitter log by hand: every hour on air, every hour off.' },
        { speaker: 'Noor Haddad', text: 'And that log became your calendar.' },
        {
          speaker: 'Kit Navarro',
          text: 'It was the one record nobody had a reason to change. We matched it against the aid convoy dates.',
        },
        { speaker: 'Kit Navarro', text: 'Three sources agreed on every date but one, and that one we left out.' },
        { speaker: 'Noor Haddad', text: 'Some listeners asked you not to film them.' },
        { speaker: 'Kit Navarro', text: 'We kept their voices and left their faces out. That was the deal.' },
        { speaker: 'Noor Haddad', text: 'Kit Navarro. The film is on our site now.' },
      ],
    },
    {
      slug: 'counting-the-ledger',
      title: 'Counting the ledger',
      number: 2,
      season: 1,
      episodeType: 'full',
      publishedDaysAgo: 2,
      seconds: 90,
      summary:
        'A handwritten jail ledger from 1997, a county that said the fees had stopped, and the spreadsheet that proved otherwise.',
      showNotes: doc(
        p('Desmond Achterberg and Wendell Tso on turning 4,000 handwritten entries into a dataset a court could read.'),
        ul([
          'Transcribing the Tern County fee ledger, twice, by two different people',
          'Where the two transcriptions disagreed, and what we did about it',
          'The county’s answer, in full',
        ]),
      ),
      chapters: [
        { startSeconds: 0, title: 'The box in the basement' },
        { startSeconds: 20, title: 'Two transcriptions' },
        { startSeconds: 48, title: 'The county responds' },
        { startSeconds: 72, title: 'What changed' },
      ],
      transcript: [
        { speaker: 'Wendell Tso', text: 'This is The Long Listen. Desmond, start with the box.' },
        {
          speaker: 'Desmond Achterberg',
          text: 'It was in a basement for eleven years, under a dehumidifier that did not work.',
        },
        { speaker: 'Desmond Achterberg', text: 'Inside was a ledger: every fee the jail charged, written by hand.' },
        { speaker: 'Wendell Tso', text: 'And you typed it up twice.' },
        { speaker: 'Desmond Achterberg', text: 'Two people, separately. Then we compared every line.' },
        {
          speaker: 'Desmond Achterberg',
          text: 'They disagreed on forty-one entries. We went back to the page for each one.',
        },
        { speaker: 'Wendell Tso', text: 'The county said the fees had stopped in 1995.' },
        { speaker: 'Desmond Achterberg', text: 'The ledger shows them for two more years. We sent them every page.' },
        { speaker: 'Wendell Tso', text: 'Their answer is in the show notes, in full.' },
        { speaker: 'Desmond Achterberg', text: 'After the story ran, the board voted to refund them.' },
        { speaker: 'Wendell Tso', text: 'Desmond Achterberg. Thanks for listening to The Long Listen.' },
      ],
    },
  ],
}
