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

/** The referenced things a body needs, keyed by id; a missing id renders nothing. */
export interface BodyRenderContext {
  images: ReadonlyMap<number, RenderImage>
  excerpts: ReadonlyMap<number, RenderExcerpt>
  documentaries: ReadonlyMap<number, RenderDocumentaryCard>
}
