// The island of the newsroom's media pages whose master is a video: a documentary's film and an
// interview's video (both served as film-upload.js). All it does is in job-media-page.ts.
import { startJobMediaPage } from './job-media-page.js'

startJobMediaPage()
