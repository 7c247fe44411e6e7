// Heap sizing for `newsreel worker`, set before any other module loads (main.ts imports this
// first). V8 grows its young generation to 32 MB under the start-up's allocations and keeps it;
// a worker sending 100,000 newsletter messages then peaked at about 150-205 MB RSS. Keeping the
// young generation at its first size (and the old generation growing by 30% at a time) measured
// a 122 MB peak over 50,000 messages, for about the same CPU time a message (issue 15).
// The flags are read by V8 at each collection, so setting them at run time works.
import v8 from 'node:v8'

if (process.argv[2] === 'worker') {
  v8.setFlagsFromString('--semi-space-growth-factor=1')
  v8.setFlagsFromString('--heap-growing-percent=30')
}
