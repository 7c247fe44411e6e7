// What the renderer needs to know about the things a body refers to by id. The page loads
// them (see bodyReferences) and passes them in, so rendering itself never queries anything.

/** A stored image, ready to show; `src` and `srcset` are URLs the page has built. */
export interface RenderImage {
  src: string
  srcset?: string | undefined
  sizes?: string | undefined
  width: number
  height: number
  alt: string
  caption: string
  credit: string
}

/** An excerpt of a documentary, with the documentary it comes from. */
export interface RenderExcerpt {
  id: number
  title: string
  caption: string
  startSeconds: number
  endSeconds: number
  documentaryTitle: string
  /** The documentary's page; the renderer adds `?t=…#watch`. */
  documentaryUrl: string
  poster?: RenderImage | undefined
}

/** A documentary as its card shows it. */
export interface RenderDocumentaryCard {
  title: string
  url: string
  dek: string
  /** Already formatted, e.g. "1h 54m". */
  runtimeLabel: string
  poster?: RenderImage | undefined
}

/** One passage of an interview's transcript, as much as the renderer needs to place a moment. */
export interface RenderPassage {
  position: number
  startSeconds: number
  endSeconds: number
  withheld: boolean
}

/** An interview's video, ready to play (the live outputs). */
export interface RenderInterviewVideo {
  hlsUrl: string
  mp4Url: string
  posterUrl: string
  width: number
  height: number
  /** The interview's captions, made from its transcript. */
  captions: ReadonlyArray<{ lang: string; label: string; url: string }>
}

/** A published interview, with its transcript's times and, once transcoded, its video. */
export interface RenderInterview {
  id: number
  title: string
  personName: string
  /** The role the person held at the time of the interview; '' when none is given. */
  personRole: string
  /** In time order. */
  passages: readonly RenderPassage[]
  video?: RenderInterviewVideo | undefined
  /** The interview's page cued at a passage (the interviews part owns its addresses). */
  passageUrl: (position: number) => string
}

/** The referenced things a body needs, keyed by id; a missing id renders nothing. */
export interface BodyRenderContext {
  images: ReadonlyMap<number, RenderImage>
  excerpts: ReadonlyMap<number, RenderExcerpt>
  documentaries: ReadonlyMap<number, RenderDocumentaryCard>
  /** Published interviews; bodies rendered where none are loaded show no interview excerpts. */
  interviews?: ReadonlyMap<number, RenderInterview> | undefined
}
