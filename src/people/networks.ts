// The networks a person's social links may name, and their names in words.
import { SOCIAL_NETWORKS } from './store.js'

/** Each network's name in words. */
export const NETWORK_NAMES: Readonly<Record<string, string>> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  website: 'Website',
  email: 'Email',
}

/** The networks a social link may name, for a select. */
export const NETWORK_CHOICES = SOCIAL_NETWORKS.map(n => ({ value: n, label: NETWORK_NAMES[n] ?? n }))
