// Flat config: TypeScript's recommended rules, plus the one-way import rule of STYLE.md.
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/handlers/**', '**/jobs/**', '**/bots/**'],
              message: 'src/ imports neither handlers/, jobs/ nor bots/ (STYLE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['handlers/**/*.ts', 'jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'mongoose', message: 'Only repositories (src/repos) talk to the database.' }],
          patterns: [
            {
              group: ['**/bots/**', 'wechaty', 'wechaty-*'],
              message: 'Handlers and jobs never see the bot (STYLE.md).',
            },
          ],
        },
      ],
    },
  },
)
