import type { Ajv } from 'ajv';

type Check = (text: string) => boolean;

/**
 * Narrows ajv's `date` and `date-time` formats to what PostgreSQL can store: both formats accept
 * year 0000, which the proleptic calendar PostgreSQL keeps has not (1 BC comes before 1 AD), so
 * such a value would pass validation and fail in SQL as a 500 instead of a 400 naming the field.
 */
export function storableDateFormats(ajv: Ajv): void {
  for (const name of ['date', 'date-time']) {
    const format = ajv.formats[name];
    if (typeof format !== 'object' || format === null || !('validate' in format))
      throw new Error(`ajv has no ${name} format to narrow`);
    const check = format.validate as Check;
    const compare = 'compare' in format ? (format.compare as (a: string, b: string) => number) : undefined;
    ajv.addFormat(name, {
      type: 'string',
      validate: (text: string) => !text.startsWith('0000') && check(text),
      ...(compare ? { compare } : {}),
    });
  }
}
