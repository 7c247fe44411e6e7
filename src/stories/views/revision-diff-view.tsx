// What changed between two revisions, for the newsroom: additions in <ins>, removals in <del>,
// each also announced in words for screen readers, since strike-through and colour are not read.
import type { BlockDiff, DiffSegment, FieldDiff } from '../revision-diff.js'

/** The changed fields, or a sentence saying nothing changed. */
export function RevisionDiffView({ diffs }: { diffs: FieldDiff[] }) {
  if (diffs.length === 0)
    return <p class="revision-diff revision-diff--none">Nothing changed between these revisions.</p>
  return (
    <div class="revision-diff">
      {diffs.map(diff => (
        <section key={diff.field} class={`revision-diff__field revision-diff__field--${diff.field}`}>
          <h3>{diff.label}</h3>
          <FieldChange diff={diff} />
        </section>
      ))}
    </div>
  )
}

function FieldChange({ diff }: { diff: FieldDiff }) {
  switch (diff.kind) {
    case 'text':
      return (
        <p class="revision-diff__text">
          <Segments segments={diff.segments} />
        </p>
      )
    case 'body':
      return <BodyChange blocks={diff.blocks} />
    case 'value':
      return (
        <p>
          <Removed text={show(diff.before)} /> <Added text={show(diff.after)} />
        </p>
      )
    case 'list':
      return (
        <p>
          {diff.removed.length ? (
            <>
              Removed: <Removed text={diff.removed.map(id => `#${id}`).join(', ')} />.{' '}
            </>
          ) : null}
          {diff.added.length ? (
            <>
              Added: <Added text={diff.added.map(id => `#${id}`).join(', ')} />.{' '}
            </>
          ) : null}
          {!diff.removed.length && !diff.added.length ? 'Reordered. ' : null}
          Now: {diff.after.length ? diff.after.map(id => `#${id}`).join(', ') : 'none'}.
        </p>
      )
  }
}

function show(value: string | number | null): string {
  return value === null || value === '' ? '(none)' : String(value)
}

/** Changed blocks in full; each run of unchanged blocks folded into a count. */
function BodyChange({ blocks }: { blocks: BlockDiff[] }) {
  const runs: ({ kind: 'unchanged'; count: number; at: number } | { kind: 'block'; block: BlockDiff; at: number })[] =
    []
  blocks.forEach((block, at) => {
    const last = runs[runs.length - 1]
    if (block.kind !== 'same') runs.push({ kind: 'block', block, at })
    else if (last?.kind === 'unchanged') last.count += 1
    else runs.push({ kind: 'unchanged', count: 1, at })
  })
  return (
    <div class="revision-diff__body">
      {runs.map(run =>
        run.kind === 'unchanged' ? (
          <p key={run.at} class="revision-diff__unchanged">
            {run.count === 1 ? '1 paragraph unchanged' : `${run.count} paragraphs unchanged`}
          </p>
        ) : (
          <p key={run.at} class={`revision-diff__block revision-diff__block--${run.block.kind}`}>
            <Segments segments={run.block.segments} />
          </p>
        ),
      )}
    </div>
  )
}

function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'added' ? (
          <Added key={i} text={s.text} />
        ) : s.kind === 'removed' ? (
          <Removed key={i} text={s.text} />
        ) : (
          s.text
        ),
      )}
    </>
  )
}

function Added({ text }: { text: string }) {
  return (
    <ins>
      <span class="visually-hidden">[added: </span>
      {text}
      <span class="visually-hidden">]</span>
    </ins>
  )
}

function Removed({ text }: { text: string }) {
  return (
    <del>
      <span class="visually-hidden">[removed: </span>
      {text}
      <span class="visually-hidden">]</span>
    </del>
  )
}
