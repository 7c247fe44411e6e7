// The newsroom's topic form and the list of topics in navigation order.
import { Csrf, ErrorSummary, TextField } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import type { Topic } from '../store.js'

/** A topic form's fields as typed. */
export interface TopicFields {
  name: string
  slug: string
  description: string
  position: string
}

export const TOPIC_LIMITS = { name: 100, description: 500 }

/** The form that creates (no `id`) or edits a topic. */
export function TopicForm({
  id,
  fields,
  problems,
  csrf,
}: {
  id?: number | undefined
  fields: TopicFields
  problems: FormProblems
  csrf: string
}) {
  return (
    <>
      <ErrorSummary problems={problems} />
      <form
        class="nr-form nr-narrow"
        method="post"
        action={id ? `/newsroom/topics/${id}` : '/newsroom/topics'}
        novalidate
      >
        <Csrf token={csrf} />
        <TextField
          id="name"
          label="Name"
          value={fields.name}
          problems={problems}
          required
          maxLength={TOPIC_LIMITS.name}
          hint={`As readers see it in the navigation, e.g. “Climate and Environment”. Up to ${TOPIC_LIMITS.name} characters.`}
        />
        <TextField
          id="slug"
          label="Slug"
          value={fields.slug}
          problems={problems}
          required
          maxLength={100}
          hint="The topic’s address: /topics/<slug>. Lower-case letters and digits joined by hyphens, e.g. “climate-and-environment”. Changing it changes the address."
        />
        <TextField
          id="description"
          label="Description"
          value={fields.description}
          problems={problems}
          rows={3}
          maxLength={TOPIC_LIMITS.description}
          hint={`The sentence that introduces the topic on its page and on /topics. Up to ${TOPIC_LIMITS.description} characters.`}
        />
        <TextField
          id="position"
          label="Position"
          value={fields.position}
          problems={problems}
          inputMode="numeric"
          maxLength={4}
          hint="Lower numbers come first in the navigation. Leave empty to put the topic last."
        />
        <div>
          <button class="nr-button" type="submit">
            {id ? 'Save the topic' : 'Create the topic'}
          </button>
        </div>
      </form>
    </>
  )
}

/** Every topic in navigation order, with buttons to move each up or down. */
export function TopicList({ topics, csrf }: { topics: readonly Topic[]; csrf: string }) {
  if (topics.length === 0) return <p>No topics yet.</p>
  return (
    <table class="nr-table">
      <thead>
        <tr>
          <th scope="col">Position</th>
          <th scope="col">Name</th>
          <th scope="col">Address</th>
          <th scope="col">Order</th>
        </tr>
      </thead>
      <tbody>
        {topics.map((t, i) => (
          <tr key={t.id} id={`topic-${t.id}`}>
            <td>{t.position}</td>
            <td>
              <a href={`/newsroom/topics/${t.id}`}>{t.name}</a>
            </td>
            <td>
              <a href={`/topics/${t.slug}`}>/topics/{t.slug}</a>
            </td>
            <td>
              <form class="nr-inline-form" method="post" action={`/newsroom/topics/${t.id}/move`}>
                <Csrf token={csrf} />
                <button class="nr-button nr-button--quiet" type="submit" name="direction" value="up" disabled={i === 0}>
                  Up<span class="visually-hidden">: move {t.name} up</span>
                </button>
                <button
                  class="nr-button nr-button--quiet"
                  type="submit"
                  name="direction"
                  value="down"
                  disabled={i === topics.length - 1}
                >
                  Down<span class="visually-hidden">: move {t.name} down</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
