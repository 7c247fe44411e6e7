// Table types owned by the media part.
import type { Generated } from 'kysely'

/** A stored picture: hero images, portraits, posters, logos, images inside bodies. */
export interface ImagesTable {
  id: Generated<number>
  storage_key: string
  content_type: string
  width: number
  height: number
  alt: string
  caption: string
  credit: string
  created_at: string
  /** Where a crop keeps its centre, 0..1 from the left and the top. */
  focal_x: Generated<number>
  focal_y: Generated<number>
  /** JSON list of `ImageVariant`s: the resized copies in each format. */
  variants: Generated<string>
}

/** A file being received in chunks (tus-style), until it is complete and checked. */
export interface UploadsTable {
  id: string
  account_id: number
  kind: string
  filename: string
  length: number
  offset: Generated<number>
  /** JSON: alt, caption, credit and language sent with Upload-Metadata. */
  metadata: Generated<string>
  storage_key: string
  status: Generated<string>
  image_id: number | null
  created_at: string
  completed_at: string | null
}
