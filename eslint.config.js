// Flat config: JS + TypeScript + Svelte recommended rules.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['build/**', '.svelte-kit/', 'static/data/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // In src/, an import from another folder says where it goes: `$lib/…`, not `../`.
    // The modules the geodata build and the bench load under tsx, outside Vite (where `$lib`
    // does not resolve), are the exception.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: [
      'src/lib/data/schema/*.ts',
      'src/lib/measures/link.ts',
      'src/lib/map/views.ts',
      'src/lib/opendata/zones.ts',
      'src/lib/opendata/package.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '!../app.css'], message: "Import from another folder through '$lib/…'." }
          ]
        }
      ]
    }
  }
);
