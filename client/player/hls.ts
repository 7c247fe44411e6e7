// hls.js as its own bundle: the player imports it only where HLS is not native.
export { default } from 'hls.js'
