// What an admin does with the site settings: save them. One transaction through runAction (the
// settings and the audit row naming the keys that changed); the `site` tag, which drops every
// cached page because every page shows the chrome, goes out after the commit.
import { runAction, type ActionDeps, type Actor } from '../newsroom/index.js'
import { loadSettings, saveSettings, type SiteSettings } from './store.js'

/** The settings the newsroom edits on /newsroom/settings: all but the language and the support page. */
export type EditableSettings = Omit<SiteSettings, 'language' | 'support'>

function changedKeys(before: SiteSettings, after: EditableSettings): string[] {
  return (Object.keys(after) as (keyof EditableSettings)[]).filter(
    k => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  )
}

/** Saves checked settings, audited as `settings-updated` with the keys that changed. */
export function saveSiteSettings(deps: ActionDeps, actor: Actor, settings: EditableSettings): Promise<void> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await loadSettings(trx)
    await saveSettings(trx, settings)
    await audit({ action: 'settings-updated', subject: 'site', detail: { changed: changedKeys(before, settings) } })
    return { result: undefined, tags: ['site'] }
  })
}

/** Saves the support page's checked settings, audited as `support-updated`; the `site` tag reloads the chrome that carries them. */
export function saveSupportSettings(deps: ActionDeps, actor: Actor, support: SiteSettings['support']): Promise<void> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await loadSettings(trx)
    await saveSettings(trx, { support })
    const changed = (Object.keys(support) as (keyof typeof support)[]).filter(
      k => JSON.stringify(before.support[k]) !== JSON.stringify(support[k]),
    )
    await audit({ action: 'support-updated', subject: 'site', detail: { changed } })
    return { result: undefined, tags: ['site'] }
  })
}
