// The demo newsroom's staff. Every name, bio and account here is invented.
import type { DemoPerson } from './types.js'

/** Staff who appear in bylines and documentary credits. */
export const people: DemoPerson[] = [
  {
    slug: 'ines-calloway',
    name: 'Ines Calloway',
    jobTitle: 'Managing Editor',
    bio: 'Ines Calloway runs the daily newsroom and edits the stories that accompany each documentary. She spent twelve years at regional papers in the Midwest before joining The Long View at its founding.',
    photo: 'portrait-ines-calloway',
    socials: [
      { network: 'bluesky', url: 'https://bsky.example.social/profile/inescalloway' },
      { network: 'email', url: 'mailto:ines@example.org' },
    ],
  },
  {
    slug: 'desmond-achterberg',
    name: 'Desmond Achterberg',
    jobTitle: 'Investigations Editor',
    bio: 'Desmond Achterberg leads the investigations desk, where projects routinely run a year or longer. His work on court fees and county jails has prompted two state audits. He teaches a records-request workshop for local reporters every spring.',
    photo: 'portrait-desmond-achterberg',
    socials: [
      { network: 'x', url: 'https://x.example.social/dachterberg' },
      { network: 'mastodon', url: 'https://news.example.social/@desmond' },
      { network: 'website', url: 'https://example.org/desmond-achterberg' },
    ],
  },
  {
    slug: 'noor-haddad',
    name: 'Noor Haddad',
    jobTitle: 'Senior Digital Writer',
    bio: 'Noor Haddad writes features and interviews that extend the reporting in our films. She previously covered labor and manufacturing for a statewide business weekly.',
    photo: 'portrait-noor-haddad',
    socials: [
      { network: 'bluesky', url: 'https://bsky.example.social/profile/noorhaddad' },
      { network: 'instagram', url: 'https://instagram.example.social/noor.writes' },
    ],
  },
  {
    slug: 'gabriel-oyelaran',
    name: 'Gabriel Oyelaran',
    jobTitle: 'Documentary Producer',
    bio: 'Gabriel Oyelaran produces long-form documentaries, from first research trip to final mix. He spent three years filming in Carver Falls for The Last Shift.',
    photo: 'portrait-gabriel-oyelaran',
    socials: [
      { network: 'linkedin', url: 'https://linkedin.example.social/in/gabriel-oyelaran' },
      { network: 'website', url: 'https://example.org/gabriel-oyelaran' },
    ],
  },
  {
    slug: 'lena-marchetti',
    name: 'Lena Marchetti',
    jobTitle: 'Data Reporter',
    bio: 'Lena Marchetti builds the datasets behind our investigations, from court dockets to hospital billing records. She publishes her methods alongside every story and answers readers who want to check the math.',
    photo: 'portrait-lena-marchetti',
    socials: [
      { network: 'mastodon', url: 'https://data.example.social/@lmarchetti' },
      { network: 'email', url: 'mailto:lena@example.org' },
    ],
  },
  {
    slug: 'wendell-tso',
    name: 'Wendell Tso',
    jobTitle: 'Executive Producer',
    bio: 'Wendell Tso oversees the documentary slate and the partnerships that bring our films to public television and festivals. Before The Long View he ran a small production company focused on rural America.',
    photo: 'portrait-wendell-tso',
    socials: [{ network: 'linkedin', url: 'https://linkedin.example.social/in/wendell-tso' }],
  },
  {
    slug: 'joanna-pilgrim',
    name: 'Joanna Pilgrim',
    jobTitle: 'Staff Photographer',
    bio: 'Joanna Pilgrim photographs for the newsroom and shoots stills on every documentary. She prefers long assignments and returns to the same families over years.',
    photo: 'portrait-joanna-pilgrim',
    socials: [
      { network: 'instagram', url: 'https://instagram.example.social/joannapilgrim' },
      { network: 'website', url: 'https://example.org/joanna-pilgrim' },
    ],
  },
  {
    slug: 'elias-thornbury',
    name: 'Elias Thornbury',
    jobTitle: 'Washington Correspondent',
    bio: 'Elias Thornbury covers Congress and federal agencies, with a focus on how national decisions land in the places our documentaries are filmed. He has reported from the Capitol for nine years.',
    photo: 'portrait-elias-thornbury',
    socials: [
      { network: 'x', url: 'https://x.example.social/ethornbury' },
      { network: 'bluesky', url: 'https://bsky.example.social/profile/eliasthornbury' },
    ],
  },
  {
    slug: 'farida-osei',
    name: 'Farida Osei',
    jobTitle: 'Health Reporter',
    bio: 'Farida Osei reports on rural health care, hospital finance and emergency medical services. She trained as a paramedic before becoming a journalist.',
    photo: 'portrait-farida-osei',
    socials: [
      { network: 'bluesky', url: 'https://bsky.example.social/profile/faridaosei' },
      { network: 'email', url: 'mailto:farida@example.org' },
    ],
  },
  {
    slug: 'kit-navarro',
    name: 'Kit Navarro',
    jobTitle: 'Video Journalist',
    bio: 'Kit Navarro shoots and edits short documentaries and field reports, often working alone with a single camera. Kit filmed much of Dispatches from a Quiet Front alongside local reporters.',
    photo: 'portrait-kit-navarro',
    socials: [
      { network: 'instagram', url: 'https://instagram.example.social/kitnavarro.films' },
      { network: 'mastodon', url: 'https://video.example.social/@kit' },
    ],
  },
]
