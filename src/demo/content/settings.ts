// Site-wide settings for the demo newsroom, The Long View (a fictional outlet).
import type { SupportSettings } from '../../settings/index.js'
import type { DemoSettings } from './types.js'

/** Name, navigation, footer and social links of the demo site, and its support page. */
export const settings: DemoSettings & { support: SupportSettings } = {
  name: 'The Long View',
  tagline: 'Documentaries and investigations that take their time',
  description:
    'The Long View is a nonprofit documentary and investigative newsroom. We spend months, sometimes years, on the stories that shape communities long after the news cycle has moved on.',
  navigation: [
    { label: 'Documentaries', href: '/documentaries' },
    { label: 'Interviews', href: '/interviews' },
    { label: 'Articles', href: '/articles' },
    { label: 'Podcasts', href: '/podcasts' },
    { label: 'Topics', href: '/topics' },
    { label: 'About', href: '/about' },
  ],
  footerLinks: [
    { label: 'About', href: '/about' },
    { label: 'Our People', href: '/people' },
    { label: 'Journalistic Standards', href: '/standards' },
    { label: 'Ethics and Funding', href: '/ethics-and-funding' },
    { label: 'Corrections', href: '/corrections' },
    { label: 'Support Us', href: '/support' },
    { label: 'Newsletter', href: '/newsletter' },
    { label: 'RSS', href: '/feed.xml' },
  ],
  socials: [
    { network: 'x', url: 'https://x.example.social/thelongview' },
    { network: 'bluesky', url: 'https://bsky.example.social/profile/thelongview' },
    { network: 'instagram', url: 'https://instagram.example.social/thelongview' },
    { network: 'website', url: 'https://video.example.social/c/thelongview' },
  ],
  footerText:
    'The Long View is an independent, nonprofit newsroom supported by readers, viewers and foundations that have no say over what we report.',
  copyrightHolder: 'The Long View Media, Inc.',
  // Invented: give.example.org stands for the newsroom's payment provider.
  support: {
    heading: 'Keep The Long View independent',
    appeal: [
      'Our reporters spend months on a single story, and our films follow people for years. No advertiser pays for that, and no paywall stands between it and the communities it is about.',
      'Readers and viewers make it possible. Gifts from people like you pay for the records we request, the miles our producers drive and the hours our editors spend checking every fact before it airs.',
      'If our work has told you something you did not know, please help us keep doing it.',
    ].join('\n\n'),
    options: [
      {
        label: 'Reader',
        amount: 5,
        currency: 'USD',
        monthly: true,
        url: 'https://give.example.org/thelongview/monthly-5',
      },
      {
        label: 'Member',
        amount: 12,
        currency: 'USD',
        monthly: true,
        url: 'https://give.example.org/thelongview/monthly-12',
      },
      {
        label: 'Sustainer',
        amount: 30,
        currency: 'USD',
        monthly: true,
        url: 'https://give.example.org/thelongview/monthly-30',
      },
      {
        label: 'One-off gift',
        amount: 50,
        currency: 'USD',
        monthly: false,
        url: 'https://give.example.org/thelongview/once-50',
      },
      {
        label: 'Fund a day of filming',
        amount: 250,
        currency: 'USD',
        monthly: false,
        url: 'https://give.example.org/thelongview/once-250',
      },
    ],
    membership:
      'Give every month and you become a member of The Long View: a note from the newsroom each quarter on what your support made possible, and early invitations to screenings. Change or stop your gift at any time.',
  },
}
