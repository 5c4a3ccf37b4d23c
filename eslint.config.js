// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist.*/**',
      'node_modules/**',
      'src/api/gen/**',
      '**/*.d.ts',
      'tmp/**',
      '.bench-out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Raft is a pure state machine: no I/O, no clock, no randomness of its own, and it may only
    // depend on itself and on src/api types. See docs/ARCHITECTURE.md.
    files: ['src/raft/**/*.ts'],
    ignores: ['src/raft/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Allowed: ./file.ts inside src/raft (no ".." anywhere), and the two pure api modules.
              regex: '^(?!(\\./(?!.*\\.\\.)[\\w./-]+|\\.\\./api/raft-(types|codec)\\.ts)$)',
              message:
                'src/raft must stay pure: import only ./… inside src/raft and ../api/raft-types.ts or ../api/raft-codec.ts; no node:* or packages.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'raft has no timers: time arrives as tick().' },
        { name: 'setInterval', message: 'raft has no timers: time arrives as tick().' },
        { name: 'setImmediate', message: 'raft has no timers.' },
        { name: 'Promise', message: 'raft is synchronous.' },
        { name: 'process', message: 'raft does no I/O.' },
        { name: 'Date', message: 'raft has no clock: time arrives as tick().' },
        { name: 'performance', message: 'raft has no clock: time arrives as tick().' },
        { name: 'crypto', message: 'raft takes randomness from an injected source.' },
        { name: 'queueMicrotask', message: 'raft is synchronous.' },
        { name: 'fetch', message: 'raft does no I/O.' },
        { name: 'globalThis', message: 'raft must not reach around these rules through globalThis.' },
        { name: 'require', message: 'raft does no dynamic loading.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'raft takes randomness from an injected source.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'FunctionDeclaration[async=true]', message: 'raft is synchronous.' },
        { selector: 'ArrowFunctionExpression[async=true]', message: 'raft is synchronous.' },
        { selector: 'FunctionExpression[async=true]', message: 'raft is synchronous.' },
        { selector: 'ImportExpression', message: 'raft does no dynamic imports.' },
        {
          selector: "MemberExpression[object.name='Math'][computed=true]",
          message: 'no computed access to Math (Math.random).',
        },
      ],
    },
  },
);
