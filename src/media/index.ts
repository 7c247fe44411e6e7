// The media part's door: stored images and their variants, how pages show them, uploads and the file route.
export {
  insertImage,
  updateImageVariants,
  replaceImageFile,
  findImagesByIds,
  findImageByKey,
  listImages,
  type Image,
  type NewImage,
  type ImageVariant,
  type VariantFormat,
} from './store.js'
export { imageUrl, imageSrcset, variantsOf, DEFAULT_SIZES } from './urls.js'
export { makeVariants, variantWidths, focalCrop, loadSharp, VARIANT_WIDTHS, AVIF_MAX_WIDTH } from './variants.js'
export { findCompletedUpload, forgetUploadOfKey, type Upload, type UploadMetadata } from './upload-store.js'
export {
  UPLOAD_LIMITS,
  EXPIRE_UPLOAD_JOB,
  UPLOAD_EXPIRY_HOURS,
  createExpireUploadHandler,
  type UploadDeps,
} from './uploads.js'
export { sniff, type UploadKind, type SniffedType } from './sniff.js'
// The media jobs' shell and the media pages' way in, shared by videos/ (documentaries and interviews) and podcasts/.
export { progressReporter, runMediaAttempt, uploadAttemptFolder, type MediaAttempt } from './pipeline/attempt.js'
export { ownUpload, refusalOf } from './pipeline/attach.js'
