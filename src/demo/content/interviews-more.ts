// Demo interviews for Paper Borders, The Ledger and Forty Miles to Care. Invented people and words.
import { a, q, type DemoInterview } from './interview-types.js'

/** The second half of the demo interviews. */
export const moreInterviews: DemoInterview[] = [
  {
    slug: 'selam-haile-court-interpreter',
    title: 'Selam Haile: interpreting the same question forty times a day',
    documentary: 'paper-borders',
    person: {
      slug: 'selam-haile',
      name: 'Selam Haile',
      jobTitle: 'Court interpreter, Lakeshore Immigration Court',
      bio: 'Interprets Tigrinya and Amharic at the Lakeshore Immigration Court, where she has worked for eleven years.',
    },
    personRole: 'Court interpreter, Lakeshore Immigration Court',
    interviewers: ['noor-haddad'],
    topics: ['immigration'],
    recordedOn: '2024-04-15',
    place: 'Lakeshore',
    publishedDaysAgo: 95,
    summary: 'An interpreter on the words a hearing turns on, and the questions that come back every day.',
    passages: [
      q('What is the question you interpret most often?'),
      a(
        '“Why did you not apply for protection in the first country you reached?” I say it in Tigrinya perhaps forty times a day. The answers are different every time, and the question sounds exactly the same, and I try very hard to keep my voice the same too.',
      ),
      q('Why keep your voice the same?'),
      a(
        "Because if I sound tired on the thirtieth time, the person hears that the court is tired of them. My job is to carry the words across and nothing else. Not my mood, not the judge's mood. Just the words, at the same weight.",
      ),
      q('Is there a word that is hard to carry across?'),
      a(
        '“Persecution.” In the law it is a precise thing with a list of grounds. In Tigrinya the nearest word also means being chased, being followed home. People say yes, I was chased, and the judge hears a legal claim they did not know they were making.',
      ),
      q('Have you ever stopped a hearing over a mistranslation?'),
      a(
        'Once I heard a telephone interpreter, in another case, turn “my uncle was taken” into “my uncle left”. I told the clerk in the corridor. I do not know if anyone corrected the record, and I do not want the family named.',
        'privacy',
      ),
      q('What do you do at the end of the day?'),
      a(
        'I sit in my car in the car park for ten minutes with the radio off. Then I drive home and speak only English until the morning. My children laugh at me because I will not even say good night in my own language on a court day.',
      ),
    ],
    note: {
      passage: 5,
      kind: 'supporting',
      body: "The court's interpreter guidelines, which we reviewed, list “persecution” among the terms to be rendered with an explanatory phrase.",
    },
    moments: [{ filmStartSeconds: 21, filmEndSeconds: 40, passage: 1, label: 'The interpreter' }],
  },
  {
    slug: 'harriet-okonkwo-price-retired-judge',
    title: 'Harriet Okonkwo-Price, retired judge, on why hearings end in continuances',
    documentary: 'paper-borders',
    person: {
      slug: 'harriet-okonkwo-price',
      name: 'Harriet Okonkwo-Price',
      jobTitle: 'Retired immigration judge',
      bio: "Sat as an immigration judge in Lakeshore for sixteen years before retiring; agreed to explain the court's backlog on camera.",
    },
    personRole: 'Retired immigration judge',
    interviewers: ['noor-haddad', 'kit-navarro'],
    topics: ['immigration', 'world'],
    recordedOn: '2024-05-02',
    place: 'Lakeshore',
    publishedDaysAgo: 94,
    summary: 'A judge who sat for sixteen years explains the continuance, the docket and the cost of waiting.',
    passages: [
      q('What is a continuance, for someone who has never been in your courtroom?'),
      a(
        'It is the court saying “not today”. The hearing is set for another date, often a year or more away. Sometimes it is because a document has not arrived, sometimes because the interpreter is in another room, and sometimes because I had forty cases on the morning list.',
      ),
      q('How many cases were on your docket when you retired?'),
      a(
        'A little over four thousand. That is not a number a person can hold in mind. You stop seeing the case in front of you as a life and start seeing it as a file that needs a date. I fought that every morning and I did not always win.',
      ),
      q('Did you ever feel pressure to move cases faster?'),
      a(
        'We had completion targets, and they were posted on a board in the break room. I was told by a supervisor, in a meeting with no notes taken, that my numbers would be remembered at review time. I cannot prove that conversation.',
        'legal',
      ),
      q('What does waiting do to a family like the Tesfays?'),
      a(
        'The children grow up inside the wait. A boy who arrives at six has his hearing at ten, in a language he now dreams in. He is asked to describe a country he cannot remember, to prove a fear that belonged to his mother.',
      ),
      q('What would you change first?'),
      a(
        'I would give every person a lawyer before the first hearing. Not a better form, not a faster calendar. Represented cases are shorter, clearer and fairer, and they end in fewer continuances, which is what everyone says they want.',
      ),
    ],
    note: {
      passage: 9,
      kind: 'supporting',
      body: 'Court statistics for the Lakeshore court show represented cases closing in a median of 14 fewer months than unrepresented ones.',
    },
    moments: [{ filmStartSeconds: 5, filmEndSeconds: 17, passage: 7, label: 'Notice to appear' }],
  },
  {
    slug: 'bernadette-sowell-tern-county-clerk',
    title: 'Bernadette Sowell, county clerk: “Every fee was written down. That was the problem.”',
    documentary: 'the-ledger',
    person: {
      slug: 'bernadette-sowell',
      name: 'Bernadette Sowell',
      jobTitle: 'Clerk, Tern County',
      bio: "Kept the Tern County jail's fee ledger for twenty-three years, from handwritten books to the county's first database.",
    },
    personRole: 'Clerk, Tern County',
    interviewers: ['desmond-achterberg'],
    topics: ['criminal-justice', 'social-issues'],
    recordedOn: '2024-02-27',
    place: 'Tern County courthouse',
    publishedDaysAgo: 140,
    summary:
      "The clerk who kept the jail's books on how a night in jail became an invoice, and what the ledger never recorded.",
    passages: [
      q('What did the ledger record?'),
      a(
        'Every charge against every person booked into the county jail. A booking fee of forty dollars, room and board at twenty-two dollars a night, the phone card surcharge, the monitor fee. Every fee was written down. That was the problem. Nothing was ever written off.',
      ),
      q('Did the fees stop when a case was dismissed?'),
      a(
        'No. The fee followed the person, not the case. A man could be held three nights, have his charges dropped on the Monday, and get an invoice for a hundred and eight dollars in the post a month later. Then a late fee the month after that.',
      ),
      q('Did anyone on the county board know how much was owed?'),
      a(
        'I sent the board a total every year. Eleven point four million dollars, the last year I kept the book by hand. Nobody asked me a question about it in twenty-three years, until your records request arrived on my desk.',
      ),
      q('Were some people charged more than others?'),
      a(
        'I always believed the deputies on the night shift added the monitor fee more often to people they did not like. I have no record of it, only what I saw over the counter, so do not put that in the film.',
        'unverified',
      ),
      q('What was it like to read the ledger aloud at the board meeting?'),
      a(
        "My hands shook. I read forty names and forty balances, and three of the people were sitting in the room. One woman stood up when I read her son's name. Nobody had ever said those numbers out loud before, in a room where anyone had to hear them.",
      ),
    ],
    note: {
      passage: 5,
      kind: 'supporting',
      body: "The 2023 ledger total of $11.4 million is taken from the clerk's annual report to the board, obtained through our records request.",
    },
    moments: [{ filmStartSeconds: 18, filmEndSeconds: 36, passage: 1, label: 'Reading the ledger' }],
  },
  {
    slug: 'ruth-valdivieso-public-defender',
    title: 'Ruth Valdivieso on fees for people who were never convicted',
    documentary: 'the-ledger',
    person: {
      slug: 'ruth-valdivieso',
      name: 'Ruth Valdivieso',
      jobTitle: 'Chief public defender, Tern County',
      bio: "Has led Tern County's public defender office for nine years and brought the challenge to its jail fees.",
    },
    personRole: 'Chief public defender, Tern County',
    interviewers: ['lena-marchetti', 'desmond-achterberg'],
    topics: ['criminal-justice'],
    recordedOn: '2024-03-08',
    place: 'Tern County',
    publishedDaysAgo: 139,
    summary: 'The public defender who challenged the jail fees, on presumed innocence and the cost of a night inside.',
    passages: [
      q('When did the fees first come across your desk?'),
      a(
        'A client brought me an invoice in a plastic sleeve, like a court document. Her charges had been dismissed in the spring. The invoice said she owed the county three hundred and twelve dollars for the privilege of being wrongly arrested. She thought it was a fine, and that she had been found guilty after all.',
      ),
      q('What was your legal argument against them?'),
      a(
        'That you cannot bill someone for a punishment before they have been convicted of anything. The presumption of innocence is not only about the verdict. It is about what the state may take from you while it decides.',
      ),
      q('How did the families pay?'),
      a(
        'Out of the grocery money, mostly. We found a grandmother who paid forty dollars a month for six years for a grandson who spent a weekend inside. The county collected more from her than from some of the companies it fined that decade.',
      ),
      q('Did the county ever offer to settle?'),
      a(
        'There were conversations in the spring about a settlement figure, and the number that was floated would embarrass several people. Those talks were confidential and I will not repeat them on camera.',
        'legal',
      ),
      q('What changed after the board meeting?'),
      a(
        'The board voted to stop charging new fees the same night. The old balances were forgiven three months later, after a second vote. The ledger is still in the basement. I asked for it to be kept, so that nobody can say it never existed.',
      ),
    ],
    note: {
      passage: 9,
      kind: 'correction',
      body: 'The old balances were forgiven by a board vote on 14 May 2024, three months after the first vote, not two as an earlier summary said.',
    },
    moments: [{ filmStartSeconds: 2, filmEndSeconds: 15, passage: 1, label: 'The invoice' }],
  },
  {
    slug: 'dale-kimura-dunmore-ambulance',
    title: 'Dale Kimura: forty miles over the ridge at two in the morning',
    documentary: 'forty-miles-to-care',
    person: {
      slug: 'dale-kimura',
      name: 'Dale Kimura',
      jobTitle: 'Volunteer paramedic, Dunmore County Ambulance',
      bio: "One of the eleven volunteers of the Dunmore County ambulance service, which became the county's emergency room when its hospital closed.",
    },
    personRole: 'Volunteer paramedic, Dunmore County Ambulance',
    interviewers: ['farida-osei'],
    topics: ['health'],
    recordedOn: '2024-01-19',
    place: 'Dunmore County',
    publishedDaysAgo: 200,
    summary:
      'A volunteer paramedic on the drive to the nearest emergency room, and what happens in the back of the rig on the way.',
    passages: [
      q('How long is the drive from here to the nearest emergency room?'),
      a(
        'Forty miles, fifty-one minutes on a dry night. On Route 212 in freezing rain it is over an hour, and the ridge has no phone signal for eleven of those miles. We carry a satellite phone now. The county bought it after the first winter.',
      ),
      q('What changes for a patient in that hour?'),
      a(
        'Everything you would do in the first hour of a hospital, we do in the back of a moving truck. We start the drips, we read the heart monitor and send the strip ahead. The doctor sees the patient for the first time on a screen in a lorry cab, practically.',
      ),
      q('Do you remember the first call after the hospital closed?'),
      a(
        'A farmer with chest pain, thirty-eight miles out. His wife had the porch light on and a flashlight waving at the road. He lived. I remember thinking that we had been lucky, and that luck is not a health system.',
      ),
      q('Have there been calls where the distance cost someone their life?'),
      a(
        'Two that I am sure of, and one I think about every day. The families have not agreed to be part of this, and I will not describe the calls while they have not.',
        'privacy',
      ),
      q('Why do you keep volunteering?'),
      a(
        'Because if I stop, the rota has ten people, and then nine. Somebody has to answer at two in the morning. I would rather it was someone who knows which farm has the dog that does not like uniforms.',
      ),
    ],
    note: {
      passage: 1,
      kind: 'supporting',
      body: "Drive times are from the service's own logs for the winter of 2023–24, which list fifty-one minutes as the dry-road median.",
    },
    moments: [{ filmStartSeconds: 16, filmEndSeconds: 34, passage: 1, label: 'Route 212' }],
  },
  {
    slug: 'annette-morrow-dunmore-memorial',
    title: 'Annette Morrow, former nursing director, on the last months of Dunmore Memorial',
    documentary: 'forty-miles-to-care',
    person: {
      slug: 'annette-morrow',
      name: 'Annette Morrow',
      jobTitle: 'Former director of nursing, Dunmore Memorial',
      bio: 'Ran nursing at Dunmore Memorial hospital for fourteen years, until the day its license lapsed.',
    },
    personRole: 'Former director of nursing, Dunmore Memorial',
    interviewers: ['farida-osei', 'lena-marchetti'],
    topics: ['health', 'business-and-economy'],
    recordedOn: '2024-02-06',
    place: 'Dunmore',
    publishedDaysAgo: 199,
    summary:
      "The hospital's last nursing director on unpaid suppliers, the Friday the license lapsed and the patients sent over the ridge.",
    passages: [
      q('When did you first know the hospital was in trouble?'),
      a(
        'When the linen company stopped delivering. Sheets are the first thing a supplier stops sending when it has not been paid, because it knows a hospital cannot go a week without them. We washed sheets in the staff laundry for a month.',
      ),
      q('What did the new owners tell the staff?'),
      a(
        'That the purchase was an investment in rural care. They said it at a meeting in the cafeteria, with coffee and pastries. Three months later the pastry bakery was on the list of unpaid suppliers too.',
      ),
      q('How did the license lapse?'),
      a(
        "The renewal form needed a signature from the owner's office by a Friday. Nobody signed it. I called their number eleven times that afternoon, and at five o'clock the license expired. On the Monday we were a building, not a hospital.",
      ),
      q('Did anyone at the company tell you why it was not signed?'),
      a(
        'A manager told me privately that letting the license lapse was cheaper than a formal closure, because a closure needs notice and a plan. I believe him, but it was one conversation, and he would deny it.',
        'unverified',
      ),
      q('What happened to the patients on the wards that Monday?'),
      a(
        'We had nine inpatients. The ambulance crew drove them over the ridge two at a time, all day. I rode with the last one, an old man who had been born in that hospital. He asked me who would turn the lights off. I said I would.',
      ),
    ],
    note: {
      passage: 5,
      kind: 'supporting',
      body: "State licensing records show the hospital's license expired at 5 p.m. on a Friday with no renewal application on file.",
    },
    moments: [{ filmStartSeconds: 3, filmEndSeconds: 13, passage: 9, label: 'The call' }],
  },
]
