// The newsroom's topic pages as a whole: the list in navigation order, and the form page.
import { Notice } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import type { Topic } from '../store.js'
import { TopicForm, TopicList, type TopicFields } from './topic-form.js'

/** /newsroom/topics: every topic in order, with a notice naming the one just moved. */
export function TopicsAdminPage({
  topics,
  movedId,
  csrf,
}: {
  topics: readonly Topic[]
  movedId: number | undefined
  csrf: string
}) {
  const moved = topics.find(t => t.id === movedId)
  return (
    <>
      {moved ? <Notice kind="ok">Moved “{moved.name}”.</Notice> : null}
      <p>Topics appear in this order in the site’s navigation, its footer and on /topics.</p>
      <p>
        <a class="nr-button" href="/newsroom/topics/new">
          New topic
        </a>
      </p>
      <TopicList topics={topics} csrf={csrf} />
    </>
  )
}

/** What the form page shows: the topic being edited (none for a new one), the fields as typed, their problems. */
export interface TopicFormPageProps {
  topic: Topic | undefined
  fields: TopicFields
  problems: FormProblems
  saved: boolean
  csrf: string
}

/** /newsroom/topics/new and /newsroom/topics/:id: the form with links back and to the public page. */
export function TopicFormPage({ topic, fields, problems, saved, csrf }: TopicFormPageProps) {
  return (
    <>
      <p>
        <a href="/newsroom/topics">All topics</a>
        {topic ? (
          <>
            {' '}
            · <a href={`/topics/${topic.slug}`}>View on the site</a>
          </>
        ) : null}
      </p>
      {saved ? <Notice kind="ok">The topic is saved; the site shows the change now.</Notice> : null}
      <TopicForm id={topic?.id} fields={fields} problems={problems} csrf={csrf} />
    </>
  )
}
