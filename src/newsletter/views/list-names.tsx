// The lists a reader gets, by name and description.
import type { NewsletterList } from '../lists.js'

/** A bulleted list of newsletters with their descriptions. */
export function ListNames({ lists }: { lists: NewsletterList[] }) {
  return (
    <ul class="newsletter-lists">
      {lists.map(list => (
        <li key={list.id}>
          <strong>{list.name}</strong>
          {list.description ? <span> — {list.description}</span> : null}
        </li>
      ))}
    </ul>
  )
}
