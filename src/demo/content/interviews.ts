// The full interviews behind the demo documentaries: two per film, each a conversation of
// invented words with one passage withheld and one note. Every person, place and event is
// invented. Passage times are not written here: the seeder gives each passage 10–20 seconds by
// its length, so each interview runs two to four minutes. The rest are in interviews-more.ts.
import { a, q, type DemoInterview } from './interview-types.js'
import { moreInterviews } from './interviews-more.js'

const firstInterviews: DemoInterview[] = [
  {
    slug: 'halina-brezan-radio-varesh',
    title: 'Halina Brezan: “We read the names only when two people have confirmed them”',
    documentary: 'dispatches-from-a-quiet-front',
    person: {
      slug: 'halina-brezan',
      name: 'Halina Brezan',
      jobTitle: 'Station editor, Radio Varesh',
      bio: "A former schoolteacher who has run the valley's only radio station from a converted grain store since the front line settled.",
    },
    personRole: 'Station editor, Radio Varesh',
    interviewers: ['kit-navarro'],
    topics: ['journalism-under-threat', 'war-and-conflict'],
    recordedOn: '2024-11-09',
    place: 'Varesh valley',
    publishedDaysAgo: 3,
    summary: "The editor of the valley's last radio station on verification, fear and the evening bulletin.",
    passages: [
      q('When did you decide the station would keep broadcasting after the foreign crews left?'),
      a(
        "Nobody decided. The generator still worked, the transmitter still worked, and at six o'clock people turned the radio on. You do not switch off a voice that a whole valley is waiting for. So we read the bulletin, and then we read it again the next day.",
      ),
      q('What goes into an evening bulletin now?'),
      a(
        'Bread times first, always. Then which roads are open, which clinic has insulin, and then the list. The list is the hardest part. We read the names of the wounded only when two people, usually the clinic and a relative, have confirmed them to us by phone.',
      ),
      q('Has that rule ever cost you anything?'),
      a(
        'It cost us speed, every night. A station across the ridge reads everything it hears, and people listen to them first. But three times this year they read a wrong name, and a mother heard her living son announced as dead. We will be second, and we will be right.',
      ),
      q('Are there things you know that you choose not to say on air?'),
      a(
        'Of course. I know where two of the command posts are, because their generators are louder than ours. I know which family is hiding a deserter. If I said either on air, people would die before the morning.',
        'safety',
      ),
      q('What do you want people outside the valley to understand?'),
      a(
        'That we are not brave. We are the only ones left, which is a different thing. Courage is a choice, and nobody gave us one. When the film is shown somewhere far away, I hope someone hears the bread times and understands that this is what news is for.',
      ),
    ],
    note: {
      passage: 5,
      kind: 'supporting',
      body: 'The station logged the three misreported names in its own corrections book, which our producers reviewed page by page.',
    },
    moments: [{ filmStartSeconds: 4, filmEndSeconds: 19, passage: 3, label: 'The evening bulletin' }],
  },
  {
    slug: 'teodor-vasko-district-clinic',
    title: 'Teodor Vasko on keeping the casualty list at the district clinic',
    documentary: 'dispatches-from-a-quiet-front',
    person: {
      slug: 'teodor-vasko',
      name: 'Teodor Vasko',
      jobTitle: 'Administrator, Varesh district clinic',
      bio: "Keeps the admissions book of the valley's district clinic and answers the radio station's calls every evening.",
    },
    personRole: 'Administrator, Varesh district clinic',
    interviewers: ['ines-calloway', 'kit-navarro'],
    topics: ['war-and-conflict', 'health'],
    recordedOn: '2024-11-12',
    place: 'Varesh district clinic',
    publishedDaysAgo: 3,
    summary:
      'The clinic administrator who confirms every name the station reads, and what the admissions book cannot say.',
    passages: [
      q('How does the station reach you each evening?'),
      a(
        'At a quarter past five the landline rings, and it is always the younger reporter. She reads me each name she has heard that day, slowly, and I check them against the admissions book. If a name is not in my book, I say so, and she does not read it.',
      ),
      q('What does the admissions book record?'),
      a(
        'The name, the village, the hour they arrived and the ward. Not the cause. We stopped writing the cause in the spring, because people came to argue about whose shell it was, and the nurses had no time to argue about anything.',
      ),
      q('Do families ever ask you to keep a name off the list?'),
      a(
        'Sometimes a father asks me not to confirm his son, because the son was somewhere he should not have been. I have done it twice. I will not tell you the villages, and I would ask you not to use this part at all.',
        'privacy',
      ),
      q('How has the clinic changed since the hospital in the town closed?'),
      a(
        'We were eleven beds for coughs and broken arms. Now we are twenty-six beds, and the corridor is a ward at night. We boil water on the same stove that heats the office. The building was a school once, and you can still see the chalk marks on the wall.',
      ),
      q('What would you want the radio to say about the clinic?'),
      a(
        'That the insulin arrives on Thursdays and nobody should wait until Friday to come. That is all. Everything else people already know, because everyone in the valley has a cousin in one of our beds.',
      ),
    ],
    note: {
      passage: 7,
      kind: 'note',
      body: "The bed count was confirmed against the clinic's supply requests for October and November 2024.",
    },
    moments: [{ filmStartSeconds: 24, filmEndSeconds: 41, passage: 1, label: 'Checking the list' }],
  },
  {
    slug: 'ray-dunleavy-loom-fixer',
    title: "Ray Dunleavy, loom fixer: “You don't stop taking care of a machine because somebody sold it”",
    documentary: 'the-last-shift',
    person: {
      slug: 'ray-dunleavy',
      name: 'Ray Dunleavy',
      jobTitle: 'Loom fixer, Carver Falls mill',
      bio: 'Kept the looms of the Carver Falls mill running for thirty-one years, two years short of a full pension when it closed.',
    },
    personRole: 'Loom fixer, Carver Falls mill',
    interviewers: ['gabriel-oyelaran'],
    topics: ['business-and-economy', 'social-issues'],
    recordedOn: '2024-06-18',
    place: 'Carver Falls',
    publishedDaysAgo: 21,
    summary: 'Thirty-one years on the loom floor, the pension arithmetic and the last machine he oiled.',
    passages: [
      q('What did you hear first, the rumour or the announcement?'),
      a(
        "The rumour, by about a month. The buyer's people walked the floor in new boots and never looked at the looms, only at the roof and the loading docks. When someone buys a mill and does not look at the machines, you know what they bought it for.",
      ),
      q('You kept working on the looms after the sale was signed. Why?'),
      a(
        "Because they were still running, and there were still people standing next to them. A loom that slips a gear can take a finger. You don't stop taking care of a machine because somebody sold it. I oiled number fourteen on the last morning.",
      ),
      q('How close were you to your full pension?'),
      a(
        'Twenty-two months. The company offered a bridge payment to anyone within two years, and then the lawyers found a clause that counted from the announcement, not the closure. I lost eight months of credit on a date somebody picked in an office.',
      ),
      q('Did anyone from the company explain the date to you?'),
      a(
        'A man from the buyer told me in the car park that the board chose the date on purpose, to keep about ninety of us under the line. He said it like he was sorry. I have never been able to prove he said it.',
        'unverified',
      ),
      q('What happened to number fourteen?'),
      a(
        'Sold for scrap to a broker in the spring, with the rest. I asked if I could keep the shuttle, and they said no, it was an asset. My grandson has a photograph of it. That will have to do.',
      ),
    ],
    note: {
      passage: 5,
      kind: 'disputed',
      body: "The company says the bridge-payment date followed the pension plan's rules; the union has filed a grievance that is still open.",
    },
    moments: [{ filmStartSeconds: 20, filmEndSeconds: 38, passage: 3, label: 'The loom fixer' }],
  },
  {
    slug: 'carla-benning-shift-supervisor',
    title: 'Carla Benning on running the last night shift at Carver Falls',
    documentary: 'the-last-shift',
    person: {
      slug: 'carla-benning',
      name: 'Carla Benning',
      jobTitle: 'Shift supervisor, Carver Falls mill',
      bio: 'Started on the Carver Falls floor at seventeen and ran its night shift for the last nine years of the mill.',
    },
    personRole: 'Shift supervisor, Carver Falls mill',
    interviewers: ['noor-haddad', 'gabriel-oyelaran'],
    topics: ['business-and-economy', 'social-issues'],
    recordedOn: '2024-07-02',
    place: 'Carver Falls',
    publishedDaysAgo: 20,
    summary:
      'The supervisor who started at seventeen on what the whistle meant and who was left to switch off the lights.',
    passages: [
      q('What was your first job on the floor?'),
      a(
        'Sweeping lint under the carding machines, for a dollar less than the minimum, because I was seventeen and nobody checked. My mother worked the day shift two rows over and pretended she did not know me for the first month.',
      ),
      q('What did the whistle mean to the town?'),
      a(
        'It meant you were late, or you were not. Six, two and ten. People set their kitchen clocks by it. When the council asked whether the whistle could be kept, I laughed, and then I went home and cried, because I understood they were really asking to keep us.',
      ),
      q('How did the night shift take the closure news?'),
      a(
        'Quietly. Night people are quiet anyway. Somebody put a radio on the break room table and we listened to the company statement twice. Then the machines needed us, so we went back to them.',
      ),
      q('Were there arguments among the crews about who would stay to the end?'),
      a(
        'Two of my operators had a fight in the car park over the last overtime slots, and one of them has a record now because of it. I would rather that stayed between us and the police report.',
        'privacy',
      ),
      q('Who switched off the lights on the last night?'),
      a(
        'I did. The plant manager had left at six. I walked every aisle with a torch to make sure no one was still inside, and then I pulled the main breaker. It makes a sound like a door closing on the whole town.',
      ),
    ],
    note: {
      passage: 3,
      kind: 'note',
      body: "The whistle schedule is recorded in the mill's 1961 operating manual, a copy of which is held by the Carver Falls library.",
    },
    moments: [{ filmStartSeconds: 2, filmEndSeconds: 14, passage: 3, label: 'The whistle' }],
  },
  {
    slug: 'maureen-kettleby-port-alder-council',
    title: 'Maureen Kettleby: why Port Alder put moving on the ballot',
    documentary: 'high-water-mark',
    person: {
      slug: 'maureen-kettleby',
      name: 'Maureen Kettleby',
      jobTitle: 'Council member, Port Alder',
      bio: 'Served four terms on the Port Alder town council and wrote the buyout question that went to the ballot.',
    },
    personRole: 'Council member, Port Alder',
    interviewers: ['ines-calloway'],
    topics: ['climate-and-environment', 'us-politics'],
    recordedOn: '2024-05-21',
    place: 'Port Alder town hall',
    publishedDaysAgo: 48,
    summary: 'The council member who wrote the buyout question, on the storm, the engineers and the vote.',
    passages: [
      q('Where were you the morning after the last storm?'),
      a(
        "Standing in the elementary schoolyard in rubber boots, with the principal, looking at seawater up to the second step of the gym. The children's paintings were floating in the hallway. I remember thinking that we had run out of ways to explain this as bad luck.",
      ),
      q('Why put the question to a vote instead of deciding in council?'),
      a(
        'Because the council would have been recalled within a month, whichever way we voted. A town only moves if the town decides to move. We wrote the question in plain words: should Port Alder buy out the lowest streets and rebuild on the ridge.',
      ),
      q('What did the engineers tell the council?'),
      a(
        'That a higher seawall would protect Front Street for about twenty years, cost four times the annual budget, and push the water onto the marsh road instead. Nobody on the marsh road was in the room when they said it.',
      ),
      q('Did the state promise money before the vote?'),
      a(
        'A deputy at the state agency told me on the phone that the buyout grant was as good as approved, weeks before it was. I repeated that at a public meeting, and I should not have.',
        'unverified',
      ),
      q('How did you feel when the result was read?'),
      a(
        'Tired. It passed by two hundred and six votes. Half my street voted no, and they were not wrong to. We are asking people to leave the houses their grandparents built. The vote just means we will do it together instead of one flood at a time.',
      ),
    ],
    note: {
      passage: 9,
      kind: 'correction',
      body: 'An earlier version of this transcript gave the margin as two hundred and sixteen votes; the certified count is two hundred and six.',
    },
    moments: [{ filmStartSeconds: 3, filmEndSeconds: 16, passage: 1, label: 'The schoolyard' }],
  },
  {
    slug: 'tobias-ferrante-front-street',
    title: 'Tobias Ferrante on refusing the buyout',
    documentary: 'high-water-mark',
    person: {
      slug: 'tobias-ferrante',
      name: 'Tobias Ferrante',
      jobTitle: 'Harbour pilot, Port Alder',
      bio: 'A harbour pilot whose family has lived on Front Street since 1932, and one of the residents who turned the buyout down.',
    },
    personRole: 'Harbour pilot and Front Street resident',
    interviewers: ['ines-calloway', 'joanna-pilgrim'],
    topics: ['climate-and-environment'],
    recordedOn: '2024-08-03',
    place: 'Front Street, Port Alder',
    publishedDaysAgo: 47,
    summary: 'A Front Street resident who voted no, on what a house is worth and what the water has taught him.',
    passages: [
      q('How long has your family lived on Front Street?'),
      a(
        'Since 1932, when my great-grandfather bought the house with money from the oyster beds. The front door has four high water marks cut into the frame, with dates. The newest one is at my shoulder.',
      ),
      q('Why did you turn the buyout down?'),
      a(
        'The offer was the value of the house before the storm, minus the damage. So the water decided the price. I am a harbour pilot. I know the water better than the assessor does, and I do not think it gets to set the terms.',
      ),
      q('What did your neighbours decide?'),
      a(
        'Six houses on my side took it. Their lots are grass now, and the town mows them. At night the street is dark in long stretches, and you can hear the water in the gaps where the houses used to be.',
      ),
      q('Do you think the town was fair to the families who stayed?'),
      a(
        'I think one councillor leaned on the older families to sign early, and I have heard she told them the grant would vanish if they waited. My aunt signed because of that call.',
        'unverified',
      ),
      q('What would make you leave?'),
      a(
        'When the pilot boat can no longer reach the dock at low tide, I will know the harbour has changed its mind about us. Until then I raise the furniture every autumn, I keep the pumps ready, and I cut the next mark into the door frame.',
      ),
    ],
    note: {
      passage: 3,
      kind: 'supporting',
      body: "The town's buyout offer letters, which we reviewed, set the price at the pre-storm assessment minus the assessed storm damage.",
    },
    moments: [{ filmStartSeconds: 25, filmEndSeconds: 43, passage: 9, label: 'Counting night' }],
  },
]

/** Every demo interview, two per documentary. */
export const demoInterviews: DemoInterview[] = [...firstInterviews, ...moreInterviews]
