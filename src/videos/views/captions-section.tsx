// The film page's captions section: the film's captions listed (each with its remove form) and the
// form that adds a language's captions by upload. Apart from film-page.tsx because it reads on its
// own: the page hands it only the captions form's refusal.
import { Csrf } from '../../newsroom/views.js'
import { FormProblems as Problems, PageSection as Section } from '../../media/views.js'
import type { Documentary } from '../../documentaries/index.js'

/** The captions form's refusal, with the language and label that were typed. */
export interface CaptionsProblem {
  messages: string[]
  lang: string
  label: string
}

/** The film's captions and the form that adds more. */
export function CaptionsSection({
  film,
  captions,
  csrf,
  typed,
}: {
  film: Documentary
  captions: readonly { lang: string; label: string }[]
  csrf: string
  typed?: CaptionsProblem | undefined
}) {
  return (
    <Section id="captions" title="Captions">
      {captions.length === 0 ? (
        <p>The film has no captions yet.</p>
      ) : (
        <div class="nr-narrow">
          <table class="nr-table" data-captions-list>
            <caption class="visually-hidden">Captions of the film</caption>
            <thead>
              <tr>
                <th scope="col">Language</th>
                <th scope="col">Label</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {captions.map(c => (
                <tr key={c.lang}>
                  <td>
                    <code>{c.lang}</code>
                  </td>
                  <td>{c.label}</td>
                  <td>
                    <form
                      class="nr-inline-form"
                      method="post"
                      action={`/newsroom/documentaries/${film.id}/film/captions/remove`}
                    >
                      <Csrf token={csrf} />
                      <input type="hidden" name="lang" value={c.lang} />
                      <button
                        type="submit"
                        class="nr-button nr-button--quiet"
                        aria-label={`Remove the ${c.label} captions (${c.lang})`}
                      >
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Add captions</h3>
      {typed ? (
        <Problems id="captions-problems" messages={typed.messages} after="Correct the file and choose it again." />
      ) : null}
      <noscript>
        <p>Uploading captions needs JavaScript.</p>
      </noscript>
      <form
        class="nr-form nr-narrow"
        method="post"
        action={`/newsroom/documentaries/${film.id}/film/captions`}
        data-captions-upload
        data-track-upload="captions"
        data-noun="captions"
      >
        <Csrf token={csrf} />
        <input type="hidden" name="upload" value="" />
        <div class="nr-field">
          <label for="captions-file">WebVTT file</label>
          <p id="captions-file-hint" class="nr-hint">
            A .vtt file up to 1 MB. Captions in a language the film already has replace them.
          </p>
          <input
            id="captions-file"
            type="file"
            name="file"
            accept=".vtt,text/vtt"
            required
            aria-describedby="captions-file-hint"
          />
        </div>
        <div class="nr-grid">
          <div class="nr-field">
            <label for="captions-lang">Language</label>
            <p id="captions-lang-hint" class="nr-hint">
              A language tag: en, es, pt-BR.
            </p>
            <input
              id="captions-lang"
              name="lang"
              required
              maxLength={40}
              placeholder="en"
              autocomplete="off"
              value={typed?.lang ?? ''}
              aria-describedby="captions-lang-hint"
            />
          </div>
          <div class="nr-field">
            <label for="captions-label">Label</label>
            <p id="captions-label-hint" class="nr-hint">
              What the player’s menu says.
            </p>
            <input
              id="captions-label"
              name="label"
              required
              maxLength={60}
              placeholder="English"
              autocomplete="off"
              value={typed?.label ?? ''}
              aria-describedby="captions-label-hint"
            />
          </div>
        </div>
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            Add captions
          </button>
          <span aria-live="polite" data-captions-upload-status></span>
        </div>
      </form>
    </Section>
  )
}
