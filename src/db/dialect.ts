// The two engines Newsreel runs on. A file of its own so migrations can name it without
// importing db/index.ts, which imports them.
export type Dialect = 'sqlite' | 'postgres'
