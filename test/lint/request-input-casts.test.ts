import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own config, on a route file that does not exist: the rule is what is tested.
const lint = async (code: string) => {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(code, {
    filePath: 'src/modules/example/example.routes.ts',
  });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax');
};

describe('request input casts', () => {
  it.each([
    'request.body as { name: string }',
    '(request.query as { page?: string }).page',
    '<{ id: string }>request.params',
  ])('refuses `%s` in src/', async (expression) => {
    const messages = await lint(`declare const request: any;\nexport const x = ${expression};\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('route schema');
  });

  it('allows the typed input and casts of anything else', async () => {
    const code =
      'declare const request: { body: { name: string } };\ndeclare const row: unknown;\n' +
      'export const x = request.body.name;\nexport const y = row as string;\n';
    expect(await lint(code)).toEqual([]);
  });
});
