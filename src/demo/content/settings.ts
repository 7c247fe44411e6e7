// Site-wide settings for the demo newsroom, The Long View (a fictional outlet).
import type { DemoSettings } from './types.js'

/** Name, navigation, footer and social links of the demo site. */
export const settings: DemoSettings = {
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
    { label: 'Support Us', href: '/funders' },
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
}
