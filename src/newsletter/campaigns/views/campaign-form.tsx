// The campaign form: newsletter, subject, preheader, template, the intro in the body editor,
// and the stories and documentaries shown as cards, each chosen in order from rows of selects
// (spare empty rows add more; choosing "None" removes one). Works without JavaScript.
import { Csrf, ErrorSummary, SelectField, TextField } from '../../../newsroom/views.js'
import { formatZonedTime } from '../../../platform/time.js'
import type { FormProblems } from '../../../newsroom/index.js'
import type { NewsletterList } from '../../lists.js'
import { DIGEST_DAYS } from '../content.js'
import { CAMPAIGN_LIMITS, FIELD, type CampaignFormValues } from '../form.js'

/** A story or documentary to choose, as the rows list it. */
export interface Choice {
  id: number
  title: string
  publishedAt: string | null
}

export interface CampaignFormProps {
  action: string
  values: CampaignFormValues
  lists: readonly NewsletterList[]
  stories: readonly Choice[]
  documentaries: readonly Choice[]
  problems: FormProblems
  introProblems: readonly string[]
  csrf: string
  /** Sending, sent or cancelled: shown, not edited. */
  readOnly: boolean
  timeZone: string
}

const SPARE_ROWS = 3

/** The page of a campaign not saved yet: back to the list, and the form. */
export function NewCampaignPage(props: CampaignFormProps) {
  return (
    <>
      <p>
        <a href="/newsroom/newsletter/campaigns">All campaigns</a>
      </p>
      <CampaignForm {...props} />
    </>
  )
}

/** The form that creates or edits a campaign. */
export function CampaignForm(props: CampaignFormProps) {
  const { values, problems, readOnly } = props
  return (
    <>
      <ErrorSummary problems={problems} />
      <form class="nr-form nr-story-form" method="post" action={props.action} novalidate>
        <Csrf token={props.csrf} />
        {values.version ? <input type="hidden" name="version" value={String(values.version)} /> : null}
        <fieldset class="nr-fieldset" disabled={readOnly}>
          <legend class="visually-hidden">Campaign</legend>
          <div class="nr-grid">
            <SelectField
              id={FIELD.list}
              label="Newsletter"
              value={values.listId === null ? '' : String(values.listId)}
              problems={problems}
              hint="Its confirmed subscribers get the campaign."
              options={[
                ...(values.listId === null ? [{ value: '', label: 'Choose a newsletter' }] : []),
                ...props.lists.map(l => ({ value: String(l.id), label: l.name })),
              ]}
            />
            <SelectField
              id={FIELD.template}
              label="Template"
              value={values.template}
              problems={problems}
              hint={`The weekly digest with no stories chosen fills itself with the stories published in the last ${DIGEST_DAYS} days, when it is sent.`}
              options={[
                { value: 'standard', label: 'Standard: your intro and the cards you choose' },
                { value: 'digest', label: 'Weekly digest: the week’s stories' },
              ]}
            />
          </div>
          <TextField
            id={FIELD.subject}
            label="Subject"
            value={values.subject}
            problems={problems}
            required
            maxLength={CAMPAIGN_LIMITS.subject}
            hint={`One line, up to ${CAMPAIGN_LIMITS.subject} characters. Also the mail’s headline.`}
          />
          <TextField
            id={FIELD.preheader}
            label="Preheader"
            value={values.preheader}
            problems={problems}
            maxLength={CAMPAIGN_LIMITS.preheader}
            hint="The line mail apps show after the subject in the inbox. Optional."
          />
          <IntroField value={values.introJson} problems={props.introProblems} error={problems[FIELD.intro]} />
          <ChoiceRows
            name="stories"
            legend="Stories"
            max={CAMPAIGN_LIMITS.stories}
            chosen={values.storyIds}
            choices={props.stories}
            problem={problems[FIELD.stories]}
            timeZone={props.timeZone}
            hint={`Shown as cards under “Read”, in this order. Choose “None” to take one out; save to get more empty rows. Up to ${CAMPAIGN_LIMITS.stories}.${values.template === 'digest' ? ` Left empty, the digest shows the last ${DIGEST_DAYS} days’ stories.` : ''}`}
          />
          <ChoiceRows
            name="documentaries"
            legend="Documentaries"
            max={CAMPAIGN_LIMITS.documentaries}
            chosen={values.documentaryIds}
            choices={props.documentaries}
            problem={problems[FIELD.documentaries]}
            timeZone={props.timeZone}
            hint={`Shown as cards under “Watch”, above the stories, in this order. Up to ${CAMPAIGN_LIMITS.documentaries}.`}
          />
          {readOnly ? null : (
            <div class="nr-actions">
              <button class="nr-button" type="submit">
                {values.version ? 'Save the campaign' : 'Create the campaign'}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </>
  )
}

/** The intro: the body editor island over the JSON textarea it writes to. */
function IntroField({
  value,
  problems,
  error,
}: {
  value: string
  problems: readonly string[]
  error?: string | undefined
}) {
  const describedBy = ['campaign-intro-hint', problems.length ? 'campaign-intro-error' : ''].filter(Boolean).join(' ')
  return (
    <div class="nr-field">
      <label for={FIELD.intro}>Intro</label>
      <p id="campaign-intro-hint" class="nr-hint">
        The letter at the top of the mail, under the subject. Pictures, documentary cards and excerpts appear as
        pictures and cards linking to the site. Without the editor, write it as a body document in JSON.
      </p>
      {problems.length ? (
        <div id="campaign-intro-error" class="nr-field__error">
          <p>
            <span class="visually-hidden">Error: </span>
            {error ?? 'The intro has problems:'}
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div
        class="body-editor"
        data-body-editor={FIELD.intro}
        data-images-url="/newsroom/api/images"
        data-excerpts-url="/newsroom/api/excerpts"
        data-documentaries-url="/newsroom/api/documentaries"
        data-label="Campaign intro"
      ></div>
      <textarea
        id={FIELD.intro}
        name="intro"
        class="body-json"
        rows={12}
        aria-describedby={describedBy}
        aria-invalid={problems.length ? 'true' : undefined}
      >
        {value}
      </textarea>
    </div>
  )
}

/** Ordered choices as rows of selects: one per chosen item, then spare empty ones. */
function ChoiceRows(props: {
  name: string
  legend: string
  hint: string
  max: number
  chosen: readonly number[]
  choices: readonly Choice[]
  problem?: string | undefined
  timeZone: string
}) {
  const { name, chosen, choices } = props
  const known = new Set(choices.map(c => c.id))
  const rows = [
    ...chosen,
    ...Array.from({ length: Math.min(SPARE_ROWS, Math.max(0, props.max - chosen.length)) }, () => null),
  ]
  const label = (c: Choice) =>
    `${c.title}${c.publishedAt ? ` (${formatZonedTime(c.publishedAt, props.timeZone)})` : ''}`
  return (
    <fieldset class="nr-fieldset" aria-describedby={`${name}-hint`}>
      <legend class="nr-label">{props.legend}</legend>
      <p id={`${name}-hint`} class="nr-hint nr-status">
        {props.hint}
      </p>
      {props.problem ? (
        <p class="nr-field__error">
          <span class="visually-hidden">Error: </span>
          {props.problem}
        </p>
      ) : null}
      {rows.map((id, i) => (
        <div key={i} class="nr-field">
          <label for={`${name}-${i}`}>
            {props.legend.replace(/ies$/, 'y').replace(/s$/, '')} {i + 1}
          </label>
          <select id={`${name}-${i}`} name={name} aria-invalid={props.problem && i === 0 ? 'true' : undefined}>
            <option value="">None</option>
            {/* A chosen id that is no longer published stays visible, so saving explains it instead of dropping it. */}
            {id !== null && !known.has(id) ? (
              <option value={String(id)} selected>
                #{id} (not published)
              </option>
            ) : null}
            {choices.map(c => (
              <option key={c.id} value={String(c.id)} selected={c.id === id}>
                {label(c)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  )
}
