// Opens a PGlite data directory from a separate process, says what happened, and holds it until stdin closes.
import { openDb } from '../../src/store/openDb.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: holdDataDir.ts <dir>');
try {
  const db = await openDb({ dataDir });
  console.log('opened');
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await db.close();
    process.exit(0);
  });
} catch (error) {
  console.log(`refused: ${(error as Error).message}`);
  process.exit(3);
}
