import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The pure core (STYLE.md): no file system, no processes, no network, no clock.
const pureCore = [
  'src/parse/**',
  'src/schema/**',
  'src/rules/**',
  'src/lint/**',
  'src/policy/**',
  'src/report/**',
  'src/diagnostics/**',
  'src/model/**',
  'src/format/**',
  'src/time/**',
  'src/scaffold/**',
  'src/links/**',
  'src/kb/**',
  'src/config/validate.ts',
  'src/config/defaults.ts',
]

const ioModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'worker_threads', 'node:worker_threads', 'isomorphic-git']
const ioPatterns = ['isomorphic-git/*', '@octokit/*', '@actions/*']

// Each third-party parser lives in one module, so an upgrade is a one-file change.
const confinedParsers = [
  { name: 'yaml', message: 'Only src/parse/yaml-document.ts (reading) and src/parse/yaml-write.ts (writing) import yaml.' },
  { name: 'ajv', message: 'Only src/schema/ imports ajv.' },
  { name: 'unified', message: 'Only src/parse/markdown.ts imports unified and remark.' },
  { name: 'remark-parse', message: 'Only src/parse/markdown.ts imports remark.' },
  { name: 'remark-frontmatter', message: 'Only src/parse/markdown.ts imports remark.' },
  { name: 'remark-gfm', message: 'Only src/parse/markdown.ts imports remark.' },
  { name: 'remark-rehype', message: 'Only src/parse/markdown-html.ts renders Markdown to HTML.' },
  { name: 'rehype-sanitize', message: 'Only src/parse/markdown-html.ts renders Markdown to HTML.' },
  { name: 'rehype-stringify', message: 'Only src/parse/markdown-html.ts renders Markdown to HTML.' },
]

export default tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'node_modules/**', 'bench/out/**', 'examples/**', 'test/fixtures/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: confinedParsers, patterns: [{ group: ['ajv/*'], message: 'Only src/schema/ imports ajv.' }] }],
    },
  },
  {
    files: ['src/parse/yaml-document.ts', 'src/parse/yaml-write.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: confinedParsers.filter((p) => p.name !== 'yaml') }] },
  },
  {
    files: ['src/parse/markdown.ts', 'src/parse/markdown-html.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: confinedParsers.filter((p) => p.name === 'yaml' || p.name === 'ajv') }] },
  },
  {
    files: ['src/schema/**'],
    rules: { 'no-restricted-imports': ['error', { paths: confinedParsers.filter((p) => p.name !== 'ajv') }] },
  },
  {
    files: pureCore,
    ignores: ['src/parse/yaml-document.ts', 'src/parse/yaml-write.ts', 'src/parse/markdown.ts', 'src/parse/markdown-html.ts', 'src/schema/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...confinedParsers, ...ioModules.map((name) => ({ name, message: 'The pure core does no I/O: take the data as a parameter (STYLE.md).' }))],
          patterns: [{ group: ioPatterns, message: 'The pure core does no I/O (STYLE.md).' }, { group: ['ajv/*'], message: 'Only src/schema/ imports ajv.' }],
        },
      ],
    },
  },
  {
    files: pureCore,
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'The pure core does not read the process: take options as parameters.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The pure core never reads the clock: `now` is a parameter.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The pure core never reads the clock: `now` is a parameter.' },
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'The pure core never reads the clock.' },
      ],
    },
  },
  {
    files: ['src/schema/**', 'src/parse/yaml-document.ts', 'src/parse/yaml-write.ts', 'src/parse/markdown.ts', 'src/parse/markdown-html.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'The pure core does not read the process.' }],
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
