// A language's own name for a language tag ("en" → "English", "es" → "español"), as a player's
// captions menu lists tracks. Intl knows every tag browsers do; an unknown one comes back as given.

/** The name of `lang`, written in the site's language `inLanguage`. */
export function languageName(lang: string, inLanguage = lang): string {
  try {
    const name = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language', fallback: 'code' }).of(lang)
    return name ? name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1) : lang
  } catch {
    return lang
  }
}
