// The support page's settings, kept in `site_settings` under the key `support`: the appeal, the
// ways to give (each a link to the newsroom's payment provider) and the wording on regular gifts.
// The support part (src/support) checks, edits and shows them.

/** One way to give: a button on /support that opens the payment provider. */
export interface GivingOption {
  label: string
  /** In the currency's major unit (25, 7.5): positive, at most two decimals. */
  amount: number
  /** ISO 4217 code, upper case: USD, EUR. */
  currency: string
  /** A monthly gift (membership) rather than a one-off. */
  monthly: boolean
  /** The provider's http(s) address for this gift. */
  url: string
}

/** What /support says and offers. */
export interface SupportSettings {
  heading: string
  /** Plain text; a blank line starts a new paragraph. */
  appeal: string
  options: GivingOption[]
  /** Membership or recurring-gift wording, shown beside the ways to give. */
  membership: string
}

/** What /support says before the newsroom sets it up: an appeal, no provider yet. */
export const DEFAULT_SUPPORT: SupportSettings = {
  heading: 'Support our work',
  appeal: [
    'Independent reporting and documentary work take time: months in the field, records requested and read, films edited until they are fair to everyone in them.',
    'Readers and viewers pay for much of that work. Every gift, large or small, helps us keep our journalism free to read and watch, and free of anyone’s say over what we report.',
  ].join('\n\n'),
  options: [],
  membership:
    'A monthly gift makes you a member: it lets us plan our reporting a year ahead, and you can change or stop it at any time.',
}
