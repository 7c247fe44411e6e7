#!/usr/bin/env node
// The `newsreel` command. It loads src/main.ts through tsx in this same process,
// so there is no build step and signals reach the server directly.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
