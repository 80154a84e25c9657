import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.workbench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': 'off',
    },
  },
  {
    // The domain is pure: no Apps Script service may be named there.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'FormApp', 'DriveApp', 'DocumentApp', 'Drive', 'Docs',
        'Classroom', 'MailApp', 'GmailApp', 'ScriptApp', 'LockService', 'PropertiesService', 'CacheService',
        'HtmlService', 'Session', 'Utilities'],
    },
  },
  {
    // Use cases reach Google only through src/ports.ts.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'FormApp', 'DriveApp', 'DocumentApp', 'Drive', 'Docs',
        'Classroom', 'MailApp', 'GmailApp', 'ScriptApp', 'LockService', 'PropertiesService', 'CacheService',
        'HtmlService', 'Session', 'Utilities'],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.cjs', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
