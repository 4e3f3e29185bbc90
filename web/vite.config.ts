import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// A build is always the production build, even when started from a test run (where NODE_ENV is
// `test`): the browser tests must measure and exercise exactly what `npm start` serves.
if (process.argv.includes('build')) process.env.NODE_ENV = 'production';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  // The previous build's chunks stay: a page opened before a rebuild (or a redeploy) can still load the
  // lazy parts it asks for, instead of failing on a file that vanished underneath it.
  build: { outDir: '../dist/web', emptyOutDir: false, sourcemap: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/webhooks': 'http://127.0.0.1:3000' } },
});
