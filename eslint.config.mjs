// Flat config: TypeScript's recommended rules, no circle of files, and the one-way imports of STYLE.md:
//   bots/ → handlers/, jobs/ → src/;  inside src/: parser → nl → domain (domain imports only itself).
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'

/** An import leaving the folder for any sibling but those allowed (relative imports only; `up` levels). */
const outside = (allowed) => `^\\.\\./(?!(?:${allowed.join('|')})/)`

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })

/**
 * Handlers and jobs: no database but through src/repos, no bot. A later block's no-restricted-imports
 * replaces an earlier one's for the same files, so each block passes these and adds its own.
 */
const restrictOutside = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'mongoose', message: 'Only repositories (src/repos) talk to the database.' }],
      patterns: [
        { group: ['**/bots/**', 'wechaty', 'wechaty-*'], message: 'Handlers and jobs never see the bot (STYLE.md).' },
        ...patterns,
      ],
    },
  ],
})

const NOT_HANDLERS = {
  group: ['**/handlers/**', '**/jobs/**', '**/bots/**'],
  message: 'src/ imports neither handlers/, jobs/ nor bots/ (STYLE.md).',
}

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads only the extensions listed here when it follows imports (its default is .js).
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A circle of value imports; `import type` is erased, so import-x leaves type-only circles alone.
      'import-x/no-cycle': 'error',
    },
  },
  { files: ['src/**/*.ts'], rules: restrict(NOT_HANDLERS) },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(NOT_HANDLERS, {
      regex: outside(['domain']),
      message:
        'src/domain is pure rules and data: it imports nothing outside src/domain (not nl, parser, repos, http, services…).',
    }),
  },
  {
    files: ['src/nl/**/*.ts'],
    rules: restrict(NOT_HANDLERS, {
      regex: outside(['domain']),
      message:
        'src/nl reads sentences over src/domain only: not src/parser (the parser uses nl), repos, http, services….',
    }),
  },
  {
    files: ['src/parser/**/*.ts'],
    rules: restrict(NOT_HANDLERS, {
      regex: outside(['domain', 'nl']),
      message: 'src/parser is pure: it imports src/nl and src/domain only (no repos, http, services…).',
    }),
  },
  { files: ['handlers/**/*.ts', 'jobs/**/*.ts'], rules: restrictOutside() },
  {
    files: ['handlers/core/**/*.ts'],
    rules: restrictOutside({
      regex: '^\\.\\./(?!\\.\\./)',
      message: 'handlers/core is the framework: it imports no feature handler (features import core).',
    }),
  },
  {
    files: ['jobs/**/*.ts'],
    rules: restrictOutside({
      group: ['**/handlers/**'],
      message: 'Jobs use src/ only; what they share with handlers lives in src/.',
    }),
  },
)
