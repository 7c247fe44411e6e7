// What an editor does with people: create a profile and change one. Each runs in one
// transaction through runAction (the write, its search update, its audit row and, when a slug
// changes, the old profile's moved path), and the pages that show the person are dropped only
// after the commit.
import { NotFound } from '../platform/errors.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { runAction, slugTakenError, type ActionDeps, type Actor } from '../newsroom/index.js'
import { findPersonById, findPersonBySlug, insertPerson, replacePerson, type NewPerson, type Person } from './store.js'
import { personUrl } from './urls.js'

// Bylines, author boxes and the profile show `person:N`; /people shows everyone.
const tagsOf = (id: number) => [`person:${id}`, 'list:people']

/** Creates a person; a taken slug throws `slugTakenError` and stores nothing. */
export function createPerson(deps: ActionDeps, actor: Actor, input: NewPerson): Promise<Person> {
  return runAction(deps, actor, async (trx, audit) => {
    if (await findPersonBySlug(trx, input.slug)) throw slugTakenError()
    const person = await insertPerson(trx, input)
    await audit({ action: 'person-created', subject: `person:${person.id}`, detail: { slug: person.slug } })
    return { result: person, tags: tagsOf(person.id) }
  })
}

/** Replaces a person's fields; a new slug keeps the old profile's address (and its feed) alive as a moved path. */
export function updatePerson(deps: ActionDeps, actor: Actor, id: number, input: NewPerson): Promise<Person> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await findPersonById(trx, id)
    if (!before) throw new NotFound('person', id)
    const holder = await findPersonBySlug(trx, input.slug)
    if (holder && holder.id !== id) throw slugTakenError()
    await replacePerson(trx, id, input)
    if (before.slug !== input.slug) await recordMovedPath(trx, personUrl(before.slug), personUrl(input.slug))
    const changed: string[] = (['name', 'slug', 'jobTitle', 'bio', 'photoId'] as const).filter(
      k => before[k] !== input[k],
    )
    if (JSON.stringify(before.socials) !== JSON.stringify(input.socials)) changed.push('socials')
    await audit({ action: 'person-updated', subject: `person:${id}`, detail: { changed } })
    return { result: { ...input, id }, tags: tagsOf(id) }
  })
}
