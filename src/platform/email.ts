// What counts as an email address here: one @, a dotted domain, no spaces or angle brackets,
// and a local part that neither starts nor ends with a dot nor holds two in a row.

const EMAIL =
  /^[^\s@<>"(),;:\\[\].](?:[^\s@<>"(),;:\\[\]]{0,62}[^\s@<>"(),;:\\[\].])?@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i

/** The address lower-cased and trimmed, or undefined when it is not one. */
export function normalizeEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase()
  return email.length <= 254 && EMAIL.test(email) && !email.includes('..') ? email : undefined
}
