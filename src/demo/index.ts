// The demo part's door: seeds an original, fictional newsroom into an empty database.
export { seedDemoNewsroom, DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed.js'
