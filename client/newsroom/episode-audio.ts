// The episode audio page's island. All it does is in job-media-page.ts, which every media page shares.
import { startJobMediaPage } from './job-media-page.js'

startJobMediaPage()
