// The demo newsroom's funders: invented foundations with placeholder sites.
import type { DemoFunder } from './types.js'

/** Funders credited on documentaries and, when site-wide, in the footer. */
export const funders: DemoFunder[] = [
  {
    slug: 'harrow-lane-foundation',
    name: 'The Harrow Lane Foundation',
    url: 'https://example.org/harrow-lane-foundation',
    logo: 'logo-harrow-lane-foundation',
    tier: 'lead',
    description:
      'The Harrow Lane Foundation supports independent documentary work that examines how public institutions serve rural and small-town communities.',
    siteWide: true,
  },
  {
    slug: 'meridian-civic-trust',
    name: 'Meridian Civic Trust',
    url: 'https://example.org/meridian-civic-trust',
    logo: 'logo-meridian-civic-trust',
    tier: 'major',
    description:
      'Meridian Civic Trust funds nonprofit newsrooms and public-records work that strengthens local accountability reporting.',
    siteWide: true,
  },
  {
    slug: 'wrenfield-family-fund',
    name: 'Wrenfield Family Fund',
    url: 'https://example.org/wrenfield-family-fund',
    logo: 'logo-wrenfield-family-fund',
    tier: 'major',
    description:
      'The Wrenfield Family Fund makes grants for climate adaptation research and for storytelling about communities facing environmental change.',
    siteWide: false,
  },
  {
    slug: 'northgate-community-foundation',
    name: 'Northgate Community Foundation',
    url: 'https://example.org/northgate-community-foundation',
    logo: 'logo-northgate-community-foundation',
    tier: 'supporting',
    description:
      'Northgate Community Foundation supports health access, legal aid and civic education projects across its home region.',
    siteWide: false,
  },
]
