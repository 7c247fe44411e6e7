import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from './config.js'

describe('configuration', () => {
  it('runs on SQLite under ./data at port 4000 when nothing is set', () => {
    const config = loadConfig({})
    assert.equal(config.port, 4000)
    assert.equal(config.database.dialect, 'sqlite')
    assert.match(config.database.dialect === 'sqlite' ? config.database.file : '', /data\/newsreel\.db$/)
    assert.equal(config.publicUrl, 'http://localhost:4000')
    assert.ok(Object.isFrozen(config))
  })

  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://newsreel@db.internal:5432/newsreel' })
    assert.deepEqual(config.database, { dialect: 'postgres', url: 'postgres://newsreel@db.internal:5432/newsreel' })
  })

  it('names every bad variable and what it expected, all at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x', DATABASE_URL: 'mysql://x', SEED_DEMO: 'perhaps' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError)
        assert.equal(err.problems.length, 5)
        assert.match(err.message, /PORT must be a whole number from 0 to 65535 \(got "eighty"\)/)
        assert.match(err.message, /LOG_LEVEL must be one of/)
        assert.match(err.message, /PUBLIC_URL must be an http\(s\) URL/)
        assert.match(err.message, /DATABASE_URL must start with postgres/)
        assert.match(err.message, /SEED_DEMO must be true or false/)
        return true
      },
    )
  })

  it('never repeats a database password in its messages', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://user:hunter2@host/db' })
      assert.fail('should have thrown')
    } catch (err) {
      assert.ok(!(err as Error).message.includes('hunter2'))
    }
  })
})

describe('mail, Redis and jobs settings', () => {
  it('are optional, and a bad one is named without repeating its password', () => {
    const config = loadConfig({})
    assert.equal(config.smtpUrl, undefined)
    assert.equal(config.redisUrl, undefined)
    assert.equal(config.runJobs, true)
    assert.match(config.mailFrom, /@localhost>$/)
    try {
      loadConfig({ SMTP_URL: 'http://user:hunter2@mail', REDIS_URL: 'nope' })
      assert.fail('should have thrown')
    } catch (err) {
      const message = (err as Error).message
      assert.match(message, /SMTP_URL must be a URL starting with smtp:\/\/ or smtps:\/\//)
      assert.match(message, /REDIS_URL must be a URL starting with redis:\/\//)
      assert.ok(!message.includes('hunter2'))
    }
  })
})
