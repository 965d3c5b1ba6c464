/**
 * The API's schema messages (ajv wording) said the way a form says them. Union schemas add noise
 * ("must be null", "must match a schema in anyOf") beside the real reason; that noise is dropped.
 */
const REWRITES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^must NOT have fewer than 1 characters?$/, () => 'is required'],
  [/^must NOT have fewer than (\d+) characters$/, (m) => `needs at least ${m[1]} characters`],
  [/^must NOT have more than (\d+) characters$/, (m) => `allows at most ${m[1]} characters`],
  [/^must match pattern "\^https\?:\/\/"$/, () => 'must start with http:// or https://'],
  [/^must match pattern "\^https:\/\/"$/, () => 'must start with https://'],
  [/^must match pattern "\^#\[0-9a-fA-F\]\{6\}\$"$/, () => 'must be a colour like #2451b3'],
  [/^must match format "email"$/, () => 'must be an email address'],
  [/^must match format "uri"$/, () => 'must be a full address such as https://example.com'],
  [/^must be equal to one of the allowed values$/, () => 'is not one of the choices'],
];
const NOISE = [/^must be null$/, /^must match a schema in anyOf$/, /^must be equal to constant$/];

export function readableMessages(messages: string[]): string[] {
  const meaningful = messages.filter((m) => !NOISE.some((n) => n.test(m)));
  const chosen = meaningful.length > 0 ? meaningful : messages;
  const rewritten = chosen.map((message) => {
    for (const [pattern, rewrite] of REWRITES) {
      const match = pattern.exec(message);
      if (match) return rewrite(match);
    }
    return message;
  });
  return [...new Set(rewritten)];
}
