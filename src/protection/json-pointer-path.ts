/** `/components/0/material` → `.components[0].material`. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
}

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/**
 * A `details[].path` from its steps in SPEC §5's spelling: `fieldPath('rows', 3, 'date')` is
 * `rows[3].date`. Checks made in code build their paths here, so an index is never spelled `.3`
 * and a key that only looks like a number stays a key; a key that is not a plain name is quoted.
 */
export function fieldPath(...steps: ReadonlyArray<string | number>): string {
  return steps
    .map((step, index) => {
      if (typeof step === 'number') return `[${step}]`;
      const key = PLAIN_KEY.test(step) ? step : JSON.stringify(step);
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}
