// SQL for an episode's audio state: the master it points at and each step of the audio job
// (processing, ready with its outputs, failed, queued again). Apart from store.ts because these
// columns follow the audio's own steps, never the episode form; the episode's other fields are there.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'

/** Points the episode at a new master and queues it; a ready episode keeps its outputs until the new ones are made. */
export async function attachAudioMaster(db: Db, id: number, masterKey: string): Promise<void> {
  await db
    .updateTable('podcast_episodes')
    .set({ audio_master_key: masterKey, audio_status: 'queued', audio_error: null, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
}

/** Marks an audio run as started, writing to this attempt's folder. */
export async function markAudioProcessing(db: Db, id: number, prefix: string): Promise<void> {
  await db
    .updateTable('podcast_episodes')
    .set({ audio_status: 'processing', audio_error: null, audio_prefix: prefix, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
}

/** What a finished audio run made. */
export interface AudioOutputs {
  prefix: string
  durationSeconds: number
  mp3Key: string
  mp3Bytes: number
  m4aKey: string
  m4aBytes: number
}

/** Switches the episode's audio to ready with every output, in one update. */
export async function markAudioReady(db: Db, id: number, out: AudioOutputs): Promise<void> {
  await db
    .updateTable('podcast_episodes')
    .set({
      audio_status: 'ready',
      audio_error: null,
      audio_prefix: out.prefix,
      duration_seconds: out.durationSeconds,
      mp3_key: out.mp3Key,
      mp3_bytes: out.mp3Bytes,
      m4a_key: out.m4aKey,
      m4a_bytes: out.m4aBytes,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute()
}

/** Marks the audio failed with the reason a person can read. */
export async function markAudioFailed(db: Db, id: number, reason: string): Promise<void> {
  await db
    .updateTable('podcast_episodes')
    .set({ audio_status: 'failed', audio_error: reason.slice(0, 4000), updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
}

/** Queues the audio again (for a retry). */
export async function markAudioQueued(db: Db, id: number): Promise<void> {
  await db
    .updateTable('podcast_episodes')
    .set({ audio_status: 'queued', audio_error: null, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
}
