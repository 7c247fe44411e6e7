// The demo part's door: seeds an original, fictional newsroom into an empty database, and the
// background job that makes its artwork when the seed only stored previews.
export { seedDemoNewsroom, DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed.js'
export { DEMO_ARTWORK_JOB, createDemoArtworkHandler } from './artwork-job.js'
export { reportDemoMedia } from './progress.js'
export { renderDemoStill } from './artwork.js'
export { createDemoDrawingProcess, type DemoDrawingProcess } from './drawing-process.js'
