// ESLint flat config: typescript-eslint, plus the import boundary that keeps the core pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream',
  'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

/** The pure core (schemas/, runtime/engine/, runtime/scenarios/): no Node built-ins, no database, no HTTP, no designer. */
const pureCoreRestrictions = {
  patterns: [
    { group: ['node:*'], message: 'The pure core must not import Node built-ins: pass what you need in as an argument.' },
    { group: nodeBuiltins, message: 'The pure core must not import Node built-ins.' },
    { group: ['better-sqlite3', 'pg', '**/runtime/store/**', '**/store/**'], message: 'The pure core must not touch the database.' },
    { group: ['hono', 'hono/*', '@hono/*', '**/runtime/http/**', '**/http/**'], message: 'The pure core must not do HTTP.' },
    { group: ['**/runtime/scheduler/**', '**/runtime/cli/**', '**/scheduler/**', '**/cli/**'], message: 'The pure core must not import host adapters.' },
    { group: ['**/designer/**', 'react', 'react-dom', '@xyflow/*'], message: 'The pure core must not import the designer.' },
  ],
};

/** The host and what it drives (services, scheduler, outbox, store) know no adapter: HTTP and the CLI sit in front, wired in runtime/compose/. */
const hostRestrictions = {
  patterns: [
    { group: ['hono', 'hono/*', '@hono/*', '**/http/**'], message: 'The host does not do HTTP: the HTTP adapter (runtime/http/) calls its services.' },
    { group: ['**/compose/**', '**/cli/**'], message: 'The host does not know who wires or drives it (runtime/compose/, runtime/cli/).' },
  ],
};

/** Outside the engine, its one door is runtime/engine/index.ts: nothing reaches into its inner files. */
const engineDoor = {
  group: ['**/engine/*', '!**/engine/index.ts'],
  message: "Import the engine through its door, runtime/engine/index.ts (export what you need there); only the engine and its own tests (test/runtime/engine/) use its inner files.",
};

const withPatterns = (...lists) => ({ patterns: lists.flatMap((l) => l.patterns ?? l) });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'bench/results/**', 'schemas/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Everything outside the engine (the engine's own tests excepted) goes through the door; blocks
    // below that set no-restricted-imports for narrower files repeat engineDoor, since a later block's
    // options replace an earlier one's.
    ignores: ['runtime/engine/**', 'test/runtime/engine/**'],
    rules: { 'no-restricted-imports': ['error', withPatterns([engineDoor])] },
  },
  {
    files: ['schemas/**/*.ts', 'runtime/engine/**/*.ts', 'runtime/scenarios/**/*.ts'],
    ignores: ['schemas/gen-types.ts'],
    rules: {
      'no-restricted-imports': ['error', pureCoreRestrictions],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The pure core has no process: pass configuration in.' },
        { name: 'setTimeout', message: 'The pure core has no timers: return a setTimer effect.' },
        { name: 'setInterval', message: 'The pure core has no timers: return a setTimer effect.' },
        { name: 'fetch', message: 'The pure core does no I/O: return an effect.' },
        { name: 'Buffer', message: 'The pure core must not use Node built-ins.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The pure core has no clock: time comes in as an argument.' },
        { object: 'Math', property: 'random', message: 'The pure core is deterministic.' },
      ],
    },
  },
  {
    files: ['runtime/host/**/*.ts', 'runtime/scheduler/**/*.ts', 'runtime/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', withPatterns(hostRestrictions, [engineDoor])] },
  },
  {
    // The pure core outside the engine (schemas/, the scenario tooling) keeps both the purity and the door.
    files: ['schemas/**/*.ts', 'runtime/scenarios/**/*.ts'],
    ignores: ['schemas/gen-types.ts'],
    rules: { 'no-restricted-imports': ['error', withPatterns(pureCoreRestrictions, [engineDoor])] },
  },
);
