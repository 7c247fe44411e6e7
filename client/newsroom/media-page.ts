// The island of every newsroom media page: a documentary's film, an episode's audio and an
// interview's video, served as media-page.js. All it does is in job-media-page.ts.
import { startJobMediaPage } from './job-media-page.js'

startJobMediaPage()
