// `npm start`: builds when the sources changed since the last build, then runs the server.
import { buildIfStale } from './sourceStamp.mjs';

buildIfStale();
process.argv = [process.argv[0], 'dist/cli.js', 'serve', ...process.argv.slice(2)];
await import(new URL('../dist/cli.js', import.meta.url).href);
