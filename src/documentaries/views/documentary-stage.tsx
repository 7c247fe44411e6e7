// The top of a documentary page: watching comes first. A ready film is the player (its poster frame
// shows until the reader presses play); otherwise the poster with a note that the film is being
// processed (and how far) or is coming soon.
import { Picture } from '../../media/views.js'
import type { Image } from '../../media/index.js'
import { VideoPlayer } from '../../embeds/views.js'
import type { PlayableVideo } from '../../embeds/index.js'

/** The stage: the player, or the poster and what the film's state is. */
export function DocumentaryStage({
  title,
  poster,
  video,
}: {
  title: string
  poster?: Image | undefined
  video?: PlayableVideo | undefined
}) {
  if (video?.status === 'ready') {
    return (
      <section id="watch" class="documentary__stage documentary__stage--player" aria-label="Watch the film">
        <div class="wrap documentary__stage-inner">
          <VideoPlayer video={video} title={title} main />
        </div>
      </section>
    )
  }
  const percent =
    video?.status === 'processing' ? Math.round(Math.min(1, Math.max(0, video.progress)) * 100) : undefined
  return (
    <section id="watch" class="documentary__stage" aria-label="The film">
      <div class="wrap documentary__stage-inner documentary__stage-inner--poster">
        {poster ? <Picture class="documentary__poster" image={poster} priority /> : null}
        <p class="documentary__watch-note">
          {percent !== undefined ? (
            <>
              The film is being processed ({percent}% done) and will stream here once it is ready.{' '}
              <progress max={100} value={percent} aria-label="Processing">
                {percent}%
              </progress>
            </>
          ) : (
            'Coming soon: the film will stream here in full.'
          )}
        </p>
      </div>
    </section>
  )
}
