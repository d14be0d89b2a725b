import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', '.tmp/**', 'node_modules/**', 'artifacts/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // CRM text is rendered as text (DESIGN §9).
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Render CRM text as text.' },
        { property: 'outerHTML', message: 'Render CRM text as text.' },
        { property: 'insertAdjacentHTML', message: 'Render CRM text as text.' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Pure domain code: no browser globals outside lib/platform (DESIGN §2).
    files: ['lib/model/**', 'lib/metrics/**', 'lib/coaching/**', 'lib/playbooks/**', 'lib/crm/**', 'lib/import/**', 'lib/dates.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'localStorage', 'indexedDB', 'location'],
    },
  },
);
