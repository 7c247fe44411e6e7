// The demo newsroom, assembled: the one object the seed loader reads.
import { companionStories } from './stories-companions.js'
import { documentaries } from './documentaries.js'
import { economyStories } from './stories-economy.js'
import { funders } from './funders.js'
import { healthClimateStories } from './stories-health-climate.js'
import { images } from './images.js'
import { justiceStories } from './stories-justice.js'
import { localStories } from './stories-local.js'
import { pages } from './pages.js'
import { people } from './people.js'
import { podcast } from './podcasts.js'
import { settings } from './settings.js'
import { topics } from './topics.js'
import { worldStories } from './stories-world.js'
import type { DemoContent } from './types.js'

export type * from './types.js'

/** Everything the demo seeder loads: a fictional documentary newsroom, The Long View. */
export const demoContent: DemoContent = {
  settings,
  images,
  people,
  topics,
  funders,
  documentaries,
  stories: [
    ...companionStories,
    ...justiceStories,
    ...healthClimateStories,
    ...worldStories,
    ...economyStories,
    ...localStories,
  ],
  pages,
  podcast,
}
