// Which interviews a story embeds or quotes (stories/), kept at every save of the story so an
// interview's page can list "Quoted in" without reading every story body. Either side going
// away takes the link with it.
import type { Kysely, Migration } from 'kysely'

export function storyInterviews(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('story_interviews')
        .addColumn('story_id', 'integer', c => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('interview_id', 'integer', c => c.notNull().references('interviews.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('story_interviews_pk', ['story_id', 'interview_id'])
        .execute()
      await db.schema
        .createIndex('story_interviews_interview_id')
        .on('story_interviews')
        .column('interview_id')
        .execute()
    },
  }
}
