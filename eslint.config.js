import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      eqeqeq: ['error', 'always'],
      // Fastify plugins and handlers are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Tests read JSON responses, which are `any` by nature; the assertions type-check them.
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // The web app speaks to the server only through the contract (decision 0004): no server
    // module, and nothing of Node's, can reach the browser bundle.
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/',
              message: 'The web app imports only src/contract and src/finnish.',
            },
            { regex: '^node:', message: 'Node modules do not run in the browser.' },
          ],
        },
      ],
    },
  },
  {
    // The contract and the Finnish identifiers are shared by server and web: zod and each other only.
    files: ['src/contract/**/*.ts', 'src/finnish/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.\\.?/)',
              message: 'The contract imports only zod, src/contract and src/finnish.',
            },
            {
              regex: '(^|/)(server|web|cli)/',
              message: 'The contract imports only zod, src/contract and src/finnish.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every PDF the register prints carries the confidentiality marking (requirements §7):
    // documents are made only by confidentialPdf, which marks them.
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/server/lib/pdf-pages.ts', 'src/server/lib/standard-fonts.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'pdfkit',
              message:
                'Make PDFs with confidentialPdf (src/server/lib/pdf-pages.ts): it marks every page.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
