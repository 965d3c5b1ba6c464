import { describe, expect, it } from 'vitest';
import { DOMAIN_PRESETS } from './domain-presets.js';
import { patternProblem, schemaPatternProblems } from './check-pattern-safety.js';

/** Shapes from the ReDoS literature (OWASP, Davis et al.) that backtracking engines blow up on. */
const CATASTROPHIC = [
  '^(a+)+$',
  '(a*)*',
  '(?:a+)+b',
  '^(\\d+)*$',
  '^(\\w+\\s?)*$',
  '((ab)*)+',
  '(.*a){12}',
  '(a?){25}a{25}',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(a|a)*',
  '(a|ab)+',
  '(\\w|\\d)+',
  '^(a|)+$',
  '(a)\\1',
  '(?<x>a)\\k<x>',
  'x'.repeat(201),
];

const FINE = [
  '^[A-Z]{2}-\\d{4}$',
  '^D\\d{4}$',
  '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  '^(cat|dog)+$',
  '^[+0-9 ()-]{3,40}$',
  '^(\\d{3}-){2}\\d{4}$',
  '^[^@\\s]+@[^@\\s]+$',
  '^\\p{L}+$',
  '^(?<year>\\d{4})-(?<month>\\d{2})$',
  '^(?=.*\\d).{8,}$',
  '^(\\+\\d{1,3} )?\\d+$',
];

describe('patternProblem', () => {
  it.for(CATASTROPHIC)('refuses %s', (pattern) => {
    expect(patternProblem(pattern)).toMatch(/backtrack catastrophically|longer than 200/);
  });

  it.for(FINE)('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
  });

  it('accepts only patterns that stay fast on the inputs that break the refused ones', () => {
    const attack = `${'a'.repeat(5000)}!`;
    for (const pattern of FINE) {
      const started = performance.now();
      new RegExp(pattern, 'u').test(attack);
      // Linear patterns take microseconds here; a backtracking one would not end at all.
      expect(performance.now() - started, pattern).toBeLessThan(1000);
    }
    // The guard is not crying wolf: the first refused shape really stalls on a short input.
    const started = performance.now();
    // Each extra character doubles the work: 24 take hundreds of milliseconds even on a fast machine.
    new RegExp(CATASTROPHIC[0]!, 'u').test(`${'a'.repeat(24)}!`);
    expect(performance.now() - started).toBeGreaterThan(20);
  });

  it('passes every business-domain preset', () => {
    for (const [domain, presets] of Object.entries(DOMAIN_PRESETS))
      for (const preset of presets)
        expect(schemaPatternProblems(preset.schema), `${domain}.${preset.key}`).toEqual([]);
  });
});
