import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', '.data', 'dist', 'coverage', 'web/dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  // Dependency direction (docs/adding-a-module.md): the composition root (src/app/) wires the
  // modules into the HTTP edge; the edge never reaches back into a module, and nothing below the
  // edge depends on it. Later blocks override earlier ones for the files they match.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/app/**', 'src/http/**', 'src/main.ts', 'src/server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**'],
              message: 'Only route files may use the HTTP edge, through http/route-kit.js.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/modules/**/*.routes.ts', 'src/modules/**/*.module.ts', 'src/modules/module.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', '!**/http/route-kit.js'],
              message: 'Route files take from the HTTP edge only what http/route-kit.js exports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/app/**', '**/server.js'],
              message:
                'The HTTP edge never imports a module or the composition root: src/app/ passes them in.',
            },
          ],
        },
      ],
    },
  },
  // Route input is typed from its TypeBox schema (TenantRoutes in http/route-kit.js): a cast
  // would let a handler's type drift from what the schema validated.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(TSAsExpression, TSTypeAssertion) > MemberExpression.expression[object.name=/^(request|req)$/][property.name=/^(body|query|params)$/]',
          message:
            'Type request input from the route schema (TenantRoutes from http/route-kit.js), not with a cast.',
        },
      ],
    },
  },
  {
    files: ['src/tenancy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', 'fastify/*', '@fastify/*', '**/http/**', '**/app/**', '**/modules/**'],
              message: 'src/tenancy/ is framework-free and knows no module.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'fetch', 'setTimeout', 'clearTimeout'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
  },
  {
    files: [
      'bench/**/*.ts',
      'src/cli/**/*.ts',
      'src/main.ts',
      'test/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'bin/**/*.mjs',
    ],
    rules: { 'no-console': 'off' },
  },
);
