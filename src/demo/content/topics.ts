// The demo newsroom's ten topics, in the order the site lists them.
import type { DemoTopic } from './types.js'

/** Topics stories and documentaries are filed under. */
export const topics: DemoTopic[] = [
  {
    slug: 'business-and-economy',
    name: 'Business and Economy',
    description:
      'Who gets paid, who gets left behind, and how decisions in boardrooms reach kitchen tables in small towns.',
  },
  {
    slug: 'climate-and-environment',
    name: 'Climate and Environment',
    description:
      'Rising water, failing infrastructure and the communities deciding what to protect and what to let go.',
  },
  {
    slug: 'criminal-justice',
    name: 'Criminal Justice',
    description: 'Courts, jails, police and the fees and records that follow people long after a case is closed.',
  },
  {
    slug: 'health',
    name: 'Health',
    description:
      'Hospitals, clinics and public-health agencies, and the distance between a diagnosis and the care that follows it.',
  },
  {
    slug: 'immigration',
    name: 'Immigration',
    description:
      'Asylum courts, border policy and the families living inside a system built on backlogs and paperwork.',
  },
  {
    slug: 'journalism-under-threat',
    name: 'Journalism Under Threat',
    description: 'Reporters detained, subpoenaed or silenced, and what disappears when a newsroom closes.',
  },
  {
    slug: 'social-issues',
    name: 'Social Issues',
    description:
      'Housing, work, family and community life, reported from the places where policy becomes daily routine.',
  },
  {
    slug: 'us-politics',
    name: 'U.S. Politics',
    description: 'Statehouses, Congress and local government, with attention to the votes that rarely make headlines.',
  },
  {
    slug: 'war-and-conflict',
    name: 'War and Conflict',
    description:
      'Civilians, aid workers and local reporters living through wars that have slipped out of the news cycle.',
  },
  {
    slug: 'world',
    name: 'World',
    description: 'International reporting that follows stories past the first week and into their long aftermath.',
  },
]
