// What a transcode writes beside the renditions, from what it made: the master playlist (each
// rung's measured bandwidth) and the thumbnails WebVTT pointing into the sprite.
import { webVttTimestamp } from '../platform/webvtt.js'
import type { Rung, SpritePlan } from './ladder.js'

/** Peak and average bits per second of a media playlist, from its segments' sizes and durations. */
export function measureBandwidth(playlist: string, sizeOf: (uri: string) => number): { peak: number; average: number } {
  let peak = 0
  let bits = 0
  let seconds = 0
  let duration: number | undefined
  for (const line of playlist.split('\n').map(l => l.trim())) {
    const extinf = /^#EXTINF:([\d.]+)/.exec(line)
    if (extinf) duration = Number(extinf[1])
    else if (line && !line.startsWith('#') && duration) {
      const size = sizeOf(line) * 8
      peak = Math.max(peak, size / duration)
      bits += size
      seconds += duration
      duration = undefined
    }
  }
  return { peak: Math.ceil(peak), average: Math.ceil(seconds ? bits / seconds : 0) }
}

/** The master playlist listing every rung with BANDWIDTH, RESOLUTION and CODECS. */
export function masterPlaylist(rungs: readonly (Rung & { bandwidth: number; averageBandwidth: number })[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS']
  for (const r of rungs) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},AVERAGE-BANDWIDTH=${r.averageBandwidth},RESOLUTION=${r.width}x${r.height},CODECS="${r.codecs}"`,
    )
    lines.push(`${r.name}/index.m3u8`)
  }
  return lines.join('\n') + '\n'
}

/** WebVTT pointing each stretch of the film at its frame in the sprite. */
export function thumbnailsVtt(plan: SpritePlan, durationSeconds: number, spriteName: string): string {
  const cues = ['WEBVTT', '']
  for (let i = 0; i < plan.count; i++) {
    const start = i * plan.interval
    const end = Math.min((i + 1) * plan.interval, durationSeconds)
    const x = (i % plan.columns) * plan.width
    const y = Math.floor(i / plan.columns) * plan.height
    cues.push(
      `${webVttTimestamp(start)} --> ${webVttTimestamp(end)}`,
      `${spriteName}#xywh=${x},${y},${plan.width},${plan.height}`,
      '',
    )
  }
  return cues.join('\n')
}
