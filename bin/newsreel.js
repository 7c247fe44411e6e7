#!/usr/bin/env node
// The `newsreel` command. It loads src/main.ts through tsx in this same process,
// so there is no build step and signals reach the server directly.
import module from 'node:module'
import { register } from 'tsx/esm/api'

// Node 22 and later keep the compiled code of what a start loads for the next one; Node 20 has no such cache.
module.enableCompileCache?.()
register()
await import('../src/main.ts')
