// `npm start` runs this first: builds the designer (dist/designer) when it is missing, so that a fresh
// clone after `npm ci` serves the full UI. `npm run build` rebuilds it on purpose.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../dist/designer/index.html', import.meta.url)))) {
  console.log('Building the designer (first start)...');
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
