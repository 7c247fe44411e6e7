// The baseline: a minimal node:http server answering every request with the same bytes
// and headers from memory. Started as its own process by the reading-site bench.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

const [file, headersJson, port] = process.argv.slice(2) as [string, string, string]
const body = readFileSync(file)
const headers = JSON.parse(readFileSync(headersJson, 'utf8')) as Record<string, string>
const server = createServer((_req, res) => {
  res.writeHead(200, headers)
  res.end(body)
})
server.listen(Number(port), '127.0.0.1', () => process.send?.('ready'))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
