// The newsroom's form for /support: the appeal, the ways to give, the wording on monthly gifts.
import { Csrf, ErrorSummary, TextField } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import { SUPPORT_LIMITS, type OptionFields, type SupportFields } from '../checks.js'

const SPARE = 2
const EMPTY: OptionFields = { label: '', amount: '', currency: 'USD', frequency: 'monthly', url: '' }

/** One labelled control of an option row, with its error (if any) read out with it. */
function OptionInput(props: {
  i: number
  field: keyof OptionFields
  label: string
  value: string
  problems: FormProblems
  inputMode?: 'decimal' | 'url'
  maxLength: number
}) {
  const id = `option-${props.i}-${props.field}`
  const name = `option${props.field[0]!.toUpperCase()}${props.field.slice(1)}`
  return (
    <div class="nr-field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={name}
        value={props.value}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        autocomplete="off"
        aria-invalid={props.problems[id] ? 'true' : undefined}
        aria-describedby={props.problems[id] ? `${id}-error` : undefined}
      />
      {props.problems[id] ? (
        <p id={`${id}-error`} class="nr-field__error">
          <span class="visually-hidden">Error: </span>
          {props.problems[id]}
        </p>
      ) : null}
    </div>
  )
}

function OptionRow({ i, option, problems }: { i: number; option: OptionFields; problems: FormProblems }) {
  const frequencyId = `option-${i}-frequency`
  return (
    <fieldset class="nr-fieldset" aria-describedby="options-hint">
      <legend>Gift {i + 1}</legend>
      <OptionInput i={i} field="label" label="Label" value={option.label} problems={problems} maxLength={200} />
      <OptionInput
        i={i}
        field="amount"
        label="Amount"
        value={option.amount}
        problems={problems}
        inputMode="decimal"
        maxLength={20}
      />
      <OptionInput i={i} field="currency" label="Currency" value={option.currency} problems={problems} maxLength={10} />
      <div class="nr-field">
        <label for={frequencyId}>How often</label>
        <select
          id={frequencyId}
          name="optionFrequency"
          aria-invalid={problems[frequencyId] ? 'true' : undefined}
          aria-describedby={problems[frequencyId] ? `${frequencyId}-error` : undefined}
        >
          <option value="monthly" selected={option.frequency === 'monthly'}>
            Every month
          </option>
          <option value="once" selected={option.frequency === 'once'}>
            Once
          </option>
        </select>
        {problems[frequencyId] ? (
          <p id={`${frequencyId}-error`} class="nr-field__error">
            {problems[frequencyId]}
          </p>
        ) : null}
      </div>
      <OptionInput
        i={i}
        field="url"
        label="Provider address"
        value={option.url}
        problems={problems}
        inputMode="url"
        maxLength={2000}
      />
    </fieldset>
  )
}

/** The whole support form. */
export function SupportForm({
  fields,
  problems,
  csrf,
}: {
  fields: SupportFields
  problems: FormProblems
  csrf: string
}) {
  const spare = Math.min(SPARE, Math.max(0, SUPPORT_LIMITS.options - fields.options.length))
  const rows = [...fields.options, ...Array.from({ length: spare }, () => EMPTY)]
  const L = SUPPORT_LIMITS
  return (
    <>
      <ErrorSummary problems={problems} />
      <form class="nr-form nr-narrow" method="post" action="/newsroom/support" novalidate>
        <Csrf token={csrf} />
        <h2>The appeal</h2>
        <TextField
          id="heading"
          label="Heading"
          value={fields.heading}
          problems={problems}
          required
          maxLength={L.heading}
          hint="The title of /support, such as “Support our work”."
        />
        <TextField
          id="appeal"
          label="Appeal"
          value={fields.appeal}
          problems={problems}
          required
          rows={8}
          maxLength={L.appeal}
          hint="Why readers’ money matters, in a few paragraphs of plain text. Leave a blank line between paragraphs."
        />
        <h2>Ways to give</h2>
        <div>
          <p id="options-hint" class="nr-hint">
            Each gift is a button on /support that opens your payment provider; up to {L.options}. Each has a label
            (“Member”), an amount with at most two decimals (25 or 7.50), a currency code (USD, EUR, GBP), how often,
            and the provider’s https:// address for that gift. Empty a row’s label, amount and address to remove it.
            Until there is one, /support shows the appeal and your funders only.
          </p>
          {problems.options ? (
            <p id="options" class="nr-field__error" tabindex={-1}>
              <span class="visually-hidden">Error: </span>
              {problems.options}
            </p>
          ) : null}
          {rows.map((option, i) => (
            <OptionRow key={i} i={i} option={option} problems={problems} />
          ))}
        </div>
        <TextField
          id="membership"
          label="Membership wording"
          value={fields.membership}
          problems={problems}
          rows={3}
          maxLength={L.membership}
          hint="What a monthly gift means: membership, how to change or stop it. Shown beside the gifts. Plain text."
        />
        <div>
          <button class="nr-button" type="submit">
            Save the support page
          </button>
        </div>
      </form>
    </>
  )
}
