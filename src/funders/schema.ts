// Table types owned by the funders part.
import type { Generated } from 'kysely'

export const FUNDER_TIERS = ['lead', 'major', 'supporting'] as const
export type FunderTier = (typeof FUNDER_TIERS)[number]
/** How each tier is headed on /funders. */
export const TIER_NAMES: Record<FunderTier, string> = {
  lead: 'Lead support',
  major: 'Major support',
  supporting: 'Additional support',
}

/** An organisation or person whose support is credited on the site. */
export interface FundersTable {
  id: Generated<number>
  slug: string
  name: string
  url: string
  logo_id: number | null
  tier: FunderTier
  description: string
  /** 1 when credited on every page ("Support provided by ..."), 0 when only on the films it backs. */
  site_wide: number
  position: number
}
