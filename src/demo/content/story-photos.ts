// The photographs the demo stories carry: each story's hero and the pictures inside bodies.
// Apart from images.ts because they are most of the pictures, and all of one kind (landscape).
import { byCalloway, byNavarro, byOsei, byOyelaran, byPilgrim, type Entry } from './image-entries.js'

/** The heroes at the top of stories. */
export const heroes: Entry[] = [
  [
    'hero-radio-station-grain-store',
    'A squat stone grain store with a radio antenna on its roof, under a low evening sky.',
    'The Varesh valley radio station broadcasts from a converted grain store.',
    byNavarro,
  ],
  [
    'hero-mill-at-dusk',
    'A shuttered textile mill at dusk, its smokestack dark against an orange sky.',
    'The Carver Falls mill in the weeks after its final shift.',
    byPilgrim,
  ],
  [
    'hero-port-alder-harbour',
    'A small harbour at dawn with low houses along the waterline and hills behind.',
    'Harbor Street in Port Alder, one of the neighbourhoods covered by the buyout.',
    byPilgrim,
  ],
  [
    'hero-ledger-pages',
    'Rows of handwritten figures in an old bound ledger under a desk lamp.',
    'Fee entries from the Tern County jail ledger, 1997.',
    byNavarro,
  ],
  [
    'hero-asylum-file-boxes',
    'Two cardboard boxes of paperwork on a bedroom floor beside a window.',
    'Amara Tesfay keeps her case file in two boxes under her bed.',
    byNavarro,
  ],
  [
    'hero-ambulance-night-road',
    "An ambulance's lights on a two-lane road winding over a dark ridge.",
    'A Dunmore County ambulance on Route 212 before dawn.',
    byPilgrim,
  ],
  [
    'hero-convoy-mountain-road',
    'A line of trucks on a mountain road below a pale sky.',
    'Aid trucks on the northern road into the Varesh valley.',
    byNavarro,
  ],
  [
    'hero-bakery-queue-morning',
    'People waiting in a short line outside a bakery on an early-morning street.',
    'The queue outside the Halloran Street bakery in Sorev, four weeks into the ceasefire.',
    byPilgrim,
  ],
  [
    'hero-distribution-centre-lot',
    'A vast warehouse and a half-empty parking lot at the edge of a small town.',
    'The distribution centre outside Carver Falls.',
    byOyelaran,
  ],
  [
    'hero-director-on-location',
    'A filmmaker with a camera on her shoulder standing in an empty factory yard at sunset.',
    'Marguerite Ashdown on location in Carver Falls.',
    byPilgrim,
  ],
  [
    'hero-clinic-satellite-dish',
    'A satellite dish on the roof of a one-storey clinic in open farmland.',
    'The Quarry Hill Family Clinic, listed on the federal map as fully connected.',
    byOsei,
  ],
  [
    'hero-closed-hospital-entrance',
    'The boarded-up emergency entrance of a small hospital under grey clouds.',
    'The former emergency entrance of Dunmore Memorial Hospital.',
    byPilgrim,
  ],
  [
    'hero-small-hospital-parking-lot',
    'A nearly empty hospital parking lot with hills in the distance.',
    'Dunmore Memorial in its final year of operation.',
    byOsei,
  ],
  [
    'hero-clinic-construction-site',
    'A building wing wrapped in construction fencing at the edge of town.',
    'The former outpatient wing proposed for a standalone emergency department.',
    byOsei,
  ],
  [
    'hero-empty-lots-shoreline',
    'Grassy empty lots along a shoreline where houses once stood.',
    'Lots cleared under the Port Alder buyout program.',
    byCalloway,
  ],
  [
    'hero-tidal-marsh',
    'A tidal marsh at low light, water channels winding toward distant hills.',
    'Marshland restored on bought-out land.',
    byPilgrim,
  ],
  [
    'hero-courthouse-steps',
    'Wide courthouse steps in late-afternoon light with a single person climbing them.',
    'The Halvorsen County courthouse.',
    byNavarro,
  ],
  [
    'hero-county-board-meeting',
    'A county meeting room seen from the back, rows of residents facing a raised dais.',
    'Residents at the Tern County Board of Supervisors meeting.',
    byNavarro,
  ],
  [
    'hero-jail-corridor',
    'A long, dim corridor with a row of closed doors.',
    'A housing unit corridor in a county jail.',
    byNavarro,
  ],
  [
    'hero-statehouse-dome',
    'A statehouse dome against a darkening winter sky.',
    'The state capitol on the night the budget deal was announced.',
    byPilgrim,
  ],
  [
    'hero-empty-courtroom',
    "An empty courtroom with an interpreter's booth at one side.",
    'A Lakeshore County courtroom on a day hearings were postponed.',
    byNavarro,
  ],
  [
    'hero-apartment-block-evening',
    'A row of brick apartment blocks at dusk, a few windows lit.',
    "Apartments in Millbrook's river wards.",
    byPilgrim,
  ],
  [
    'hero-shuttered-newspaper-office',
    'A storefront newspaper office with papered-over windows on a quiet main street.',
    'The former Bellmont Courier office.',
    byPilgrim,
  ],
  [
    'hero-school-hallway-heat',
    'A school building in hazy summer light with its windows propped open.',
    'An elementary school in Riverside Unified, one of 31 without air conditioning.',
    byCalloway,
  ],
  [
    'hero-hospital-billing-office',
    'A hospital campus at dusk, its office wing lit behind the main building.',
    'St. Brennan Regional Medical Center.',
    byOsei,
  ],
  [
    'hero-judge-chambers-window',
    'A city skyline seen through a tall office window at dusk.',
    'The view from the Lakeshore Immigration Court.',
    byNavarro,
  ],
  [
    'hero-protest-street-night',
    'A city street at night, figures gathered under streetlights.',
    'The protest outside the Halbrook municipal water authority.',
    byNavarro,
  ],
  [
    'hero-water-tower-fog',
    'A water tower rising from fog above low hills.',
    "The Ferris Valley water utility's main reservoir tower.",
    byPilgrim,
  ],
  [
    'hero-valley-antenna-mast',
    'A radio mast on a ridge above a wide valley at dusk.',
    'The transmitter that carries the last local radio station in the Varesh valley.',
    byNavarro,
  ],
  [
    'hero-editing-suite-screens',
    'A dark room lit by monitors showing a frozen video frame of a hillside.',
    'Footage under review in our edit suite.',
    byNavarro,
  ],
]

/** The pictures placed inside story bodies. */
export const bodyPictures: Entry[] = [
  [
    'mill-loom-floor',
    'Rows of idle looms on a long factory floor lit by high windows.',
    'The weaving floor at Carver Falls, three weeks before the closure.',
    byPilgrim,
  ],
  [
    'asylum-file-table',
    'Stacks of paper sorted into piles on a kitchen table.',
    'We sorted the 1,104 pages of the file by type before reading them.',
    byNavarro,
  ],
  [
    'bakery-ovens',
    'A baker sliding loaves into a glowing oven in a small bakery.',
    'Idris Maelzer at his ovens before opening.',
    byPilgrim,
  ],
  [
    'clinic-telehealth-laptop',
    "A laptop on a car's passenger seat in a library parking lot.",
    "A nurse practitioner's telehealth set-up in the library parking lot.",
    byOsei,
  ],
  [
    'dispatch-console',
    "A dispatcher's desk with several screens showing a county map at night.",
    'The regional dispatch centre that serves Dunmore County.',
    byOsei,
  ],
  [
    'moving-truck-harbor-street',
    'A moving truck parked outside a small house near the water.',
    'The Marrero family leaves Ferry Lane.',
    byPilgrim,
  ],
  [
    'interpreter-headset',
    "An interpreter's headset resting on a courtroom table.",
    'Interpreters say some invoices have gone unpaid for five months.',
    byNavarro,
  ],
  [
    'tenant-meeting-church-hall',
    'Folding chairs set out in a church hall for an evening meeting.',
    "A tenants' meeting in Millbrook.",
    byPilgrim,
  ],
  [
    'courier-printing-press',
    'A silent printing press in a dim room, paper still threaded through it.',
    "The Courier's press, unused since the final edition.",
    byPilgrim,
  ],
  [
    'classroom-fan-window',
    'A box fan propped in a classroom window on a bright summer afternoon.',
    'A fourth-grade classroom in late May.',
    byCalloway,
  ],
  [
    'radio-studio-candlelight',
    'A small radio studio lit by a lamp, a microphone on the desk.',
    'The Varesh valley station during a power cut.',
    byNavarro,
  ],
]
