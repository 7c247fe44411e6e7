// Stories about immigration, conflict and the safety of journalists.
import { blockquote, bold, docCard, doc, em, excerpt, h2, h3, img, link, ol, p, quote } from './build.js'
import type { DemoStory } from './types.js'

/** Immigration, world and press-freedom stories. */
export const worldStories: DemoStory[] = [
  {
    slug: 'a-retired-immigration-judge-on-the-docket-she-left-behind',
    title: 'A retired immigration judge on the docket she left behind',
    dek: 'Judge Corinne Ashby heard asylum cases for nineteen years. She explains why so many hearings end with a new date instead of a decision.',
    section: 'interview',
    authors: ['noor-haddad'],
    topics: ['immigration'],
    documentaries: ['paper-borders'],
    hero: 'hero-judge-chambers-window',
    body: doc(
      p(
        'Corinne Ashby retired from the Lakeshore Immigration Court with 3,900 pending cases on her docket. She appears in ',
        link('Paper Borders', '/documentaries/paper-borders'),
        ', and agreed to a longer conversation. It has been condensed and edited.',
      ),
      p(bold('Why do so many hearings end in a continuance?')),
      p(
        "Because everyone in the room is doing triage. The respondent's lawyer met them twenty minutes ago. The interpreter was booked for a different language. The government attorney has forty files that morning. A continuance is often the only fair thing left to do.",
      ),
      quote(
        'A continuance is not a decision, but it is not nothing. For a family, it is another year of not knowing.',
        'Corinne Ashby, retired immigration judge',
      ),
      excerpt('paper-borders/the-interpreter'),
      p(bold('What would you change first?')),
      p(
        'Give every person a lawyer at their first hearing. Cases with counsel move faster, not slower, because the paperwork arrives complete.',
      ),
    ),
    publishedHoursAgo: 1500,
    corrections: [],
  },
  {
    slug: 'reporter-detained-after-covering-halbrook-protest',
    title: 'Reporter detained for 19 hours after covering a protest in Halbrook',
    dek: 'A local radio journalist wearing press credentials was held overnight and released without charge. Her equipment has not been returned.',
    section: 'article',
    authors: ['elias-thornbury'],
    topics: ['journalism-under-threat', 'us-politics'],
    documentaries: [],
    hero: 'hero-protest-street-night',
    body: doc(
      p(
        'Bea Lindgren, a reporter for the nonprofit station Halbrook Community Radio, was detained by city police at about 10:40 p.m. Saturday while recording a protest outside the municipal water authority. She was released at 5:50 p.m. Sunday without being charged.',
      ),
      p(
        'Lindgren was wearing a press badge and a vest marked ',
        em('PRESS'),
        ', according to video reviewed by The Long View. Her recorder, microphone and phone remain in police custody.',
      ),
      quote(
        'I told them I was a reporter four times. I had the badge on my chest. The officer said, "Tonight everybody is a reporter."',
        'Bea Lindgren, Halbrook Community Radio',
      ),
      p(
        'A police spokesperson said officers had issued a dispersal order and that Lindgren "did not comply." The station\'s lawyer said she was standing on a public sidewalk outside the dispersal area.',
      ),
      p(
        'We track incidents like this on our ',
        link('Journalism Under Threat', '/topics/journalism-under-threat'),
        ' page.',
      ),
    ),
    publishedHoursAgo: 12,
    corrections: [],
  },
  {
    slug: 'water-utility-subpoena-newsroom-sources',
    title: "Subpoenaed: how a water utility tried to unmask a newsroom's sources",
    dek: 'After a small newsroom reported on contamination tests, the utility demanded its notes, emails and the names of two employees who spoke to reporters.',
    section: 'investigation',
    authors: ['desmond-achterberg'],
    topics: ['journalism-under-threat', 'climate-and-environment'],
    documentaries: [],
    hero: 'hero-water-tower-fog',
    body: doc(
      p(
        'In March, the three-person Ferris Valley Ledger reported that the regional water utility had delayed disclosing lead test results at two elementary schools. In May, the utility served the newsroom with a subpoena.',
      ),
      p(
        'The subpoena, issued in a contract dispute between the utility and a testing laboratory, sought "all notes, recordings and correspondence" related to the story, and the identity of "any current or former employee" who provided information.',
      ),
      blockquote(
        'Compelling a news organisation to identify its confidential sources in a private commercial dispute, where the information is available from other witnesses, would chill precisely the reporting the shield statute exists to protect.',
        em("— From the judge's order quashing the subpoena"),
      ),
      h2('The cost of winning'),
      p(
        'The newsroom won. It also spent $38,000 on legal fees, more than a third of its annual budget, before a press-freedom legal clinic took the case pro bono.',
      ),
      quote(
        'We did everything right and it nearly closed us anyway. That is the lesson other utilities will learn.',
        'Mireille Sandoval, editor of the Ferris Valley Ledger',
      ),
      h3('Why this matters beyond Ferris Valley'),
      p(
        'Our reporting found eight similar subpoenas against local newsrooms in five states over three years. You can read how we protect our own sources in our ',
        link('standards', '/standards'),
        '.',
      ),
    ),
    publishedHoursAgo: 1100,
    corrections: [
      {
        kind: 'clarification',
        body: "This story has been updated to clarify that the subpoena was issued by the utility's outside counsel in a case the utility brought, not by a court on its own motion.",
        daysAfterPublication: 5,
      },
    ],
  },
  {
    slug: 'local-newsrooms-in-the-varesh-valley-are-down-to-three',
    title: 'Local newsrooms in the Varesh valley are down to three',
    dek: 'Before the war, the valley had eleven newspapers and radio stations. Power cuts, conscription and threats have closed the rest.',
    section: 'article',
    authors: ['kit-navarro'],
    topics: ['journalism-under-threat', 'war-and-conflict', 'world'],
    documentaries: ['dispatches-from-a-quiet-front'],
    hero: 'hero-valley-antenna-mast',
    body: doc(
      p(
        'Two years into the war, the Varesh valley is served by three local news outlets: a radio station, a weekly newspaper printed on a single sheet, and a messaging channel run by a retired postal worker.',
      ),
      img('radio-studio-candlelight'),
      p(
        "The survivors share resources in ways that would have been unthinkable before the war. The weekly paper is printed on the radio station's generator on Thursday nights. The messaging channel reads out the radio's bulletins for people who have lost their receivers. All three outlets check casualty reports with the same two clinics.",
      ),
      p(
        'Of the eight outlets that have closed, three lost their buildings to shelling, two lost staff to conscription and one closed after its editor received threats from both sides. The rest ran out of money when local advertisers did.',
      ),
      quote(
        'When the newspaper closed, rumours replaced it within a week. People believed the worst thing they heard.',
        'Tamar Oskanyan, former editor, Varesh Evening Herald',
      ),
      p(
        'The radio station is the subject of our short documentary ',
        link('Dispatches from a Quiet Front', '/documentaries/dispatches-from-a-quiet-front'),
        '.',
      ),
      docCard('dispatches-from-a-quiet-front'),
    ),
    publishedHoursAgo: 140,
    corrections: [],
  },
  {
    slug: 'how-we-verify-video-from-conflict-zones',
    title: 'How we verify video from conflict zones',
    dek: 'Before we publish footage we did not shoot, it goes through the same five checks. Here they are.',
    section: 'explainer',
    authors: ['kit-navarro', 'ines-calloway'],
    topics: ['war-and-conflict', 'journalism-under-threat'],
    documentaries: ['dispatches-from-a-quiet-front'],
    hero: 'hero-editing-suite-screens',
    body: doc(
      p(
        'Much of what the world sees of a war arrives as video filmed by someone else: residents, soldiers, local journalists. We use such footage rarely, and only after it passes these checks.',
      ),
      ol([
        [bold('Source. '), 'We find the first upload and, where possible, talk to the person who filmed it.'],
        [
          bold('Place. '),
          'We match landmarks, road layouts and skylines against satellite imagery and our own footage.',
        ],
        [bold('Time. '), 'We compare shadows, weather records and other posts from the same day.'],
        [bold('Integrity. '), 'We look for edits, re-encoding and audio that does not match the picture.'],
        [bold('Harm. '), 'We ask whether publishing could endanger the person who filmed it or anyone shown.'],
      ]),
      p(
        'If footage fails any one check, we do not publish it — even if we believe it is genuine. The full policy is part of our ',
        link('journalistic standards', '/standards'),
        '.',
      ),
      excerpt('dispatches-from-a-quiet-front/checking-the-list'),
    ),
    publishedHoursAgo: 300,
    corrections: [],
  },
]
