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
      () =>
        loadConfig({
          PORT: 'eighty',
          LOG_LEVEL: 'loud',
          PUBLIC_URL: 'ftp://x',
          DATABASE_URL: 'mysql://x',
          SEED_DEMO: 'perhaps',
        }),
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
    assert.equal(config.mailFrom, 'newsroom@localhost', "no name: the mailer adds the site's name when it sends")
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

describe('TRUST_PROXY and SESSION_MAX_DAYS', () => {
  it('trust no proxy by default, and a hop count or a list of proxies when set', () => {
    assert.equal(loadConfig({}).trustProxy, false)
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false)
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1)
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1 ,loopback,fc00::/7' }).trustProxy, [
      '10.0.0.0/8',
      '127.0.0.1',
      'loopback',
      'fc00::/7',
    ])
  })

  it('refuse trusting every address, naming the variable', () => {
    for (const value of ['true', '*', '0.0.0.0/0', '::/0', '10.0.0.0/8,0.0.0.0/1', '::ffff:0.0.0.0/96', '2000::/3']) {
      assert.throws(
        () => loadConfig({ TRUST_PROXY: value }),
        (err: unknown) => {
          assert.ok(err instanceof ConfigError, value)
          assert.match(
            err.message,
            /TRUST_PROXY must be a number of proxy hops .* or a comma-separated list of proxy addresses or CIDR ranges/,
            value,
          )
          return true
        },
      )
    }
  })

  it('refuse what is not an address, a range or a sensible hop count', () => {
    for (const value of ['proxy.internal', '10.0.0.0/33', '10.0.0.1/8/8', '300.1.1.1', '11', '-1']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: value }), /TRUST_PROXY must be/, value)
    }
  })

  it('keep sessions 30 days at most unless SESSION_MAX_DAYS says otherwise', () => {
    assert.equal(loadConfig({}).sessionMaxDays, 30)
    assert.equal(loadConfig({ SESSION_MAX_DAYS: '7' }).sessionMaxDays, 7)
    assert.throws(() => loadConfig({ SESSION_MAX_DAYS: '0' }), /SESSION_MAX_DAYS must be a whole number from 1 to 365/)
  })
})
