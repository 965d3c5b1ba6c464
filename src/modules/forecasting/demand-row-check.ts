/** A row as it arrived, before it is known to be valid. */
export interface RawDemandRow {
  item_id: unknown;
  date: unknown;
  units_sold: unknown;
}

/** What is wrong with one field of a row; `field` is the column's name. */
export interface RowProblem {
  field: string;
  message: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** The largest units a row may carry; far beyond any real daily sale, well inside float64 and numeric. */
export const MAX_UNITS = 1e12;

// Node 20 has String.prototype.isWellFormed (ES2024); the ES2022 typings do not know it yet.
const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

function itemProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0 || value.length > 200) return 'must be 1 to 200 characters';
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (!isWellFormed(value)) return 'must be valid Unicode (it has an unpaired surrogate)';
  if (value.includes('\uFFFD')) return 'must be valid UTF-8';
  return undefined;
}

/** Days already found valid: an upload repeats the same few hundred days over and over. */
const knownDays = new Set<string>();
const KNOWN_DAYS_MAX = 50_000;

/** A real calendar day between years 1000 and 9999, or why not. */
export function dayProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a YYYY-MM-DD string';
  if (knownDays.has(value)) return undefined;
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  const match = DAY.exec(value);
  if (!match) return 'must be a date as YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return 'is not a real calendar day';
  if (knownDays.size < KNOWN_DAYS_MAX) knownDays.add(value);
  return undefined;
}

function unitsProblem(value: unknown): string | undefined {
  if (typeof value !== 'number') return 'must be a number';
  if (!Number.isFinite(value)) return 'is a number out of range';
  if (value < 0) return 'must not be negative';
  if (value > MAX_UNITS) return `must be at most ${MAX_UNITS}`;
  return undefined;
}

/** CSV cells are text: a plain decimal number, or why not. */
export function parseUnits(text: string): number | string {
  if (!DECIMAL.test(text.trim()))
    return text.trim().startsWith('-') ? 'must not be negative' : 'must be a number';
  return Number(text);
}

/** The first problem of a row, field by field in column order, or undefined when it is valid. */
export function demandRowProblem(row: RawDemandRow): RowProblem | undefined {
  const item = itemProblem(row.item_id);
  if (item) return { field: 'item_id', message: item };
  const day = dayProblem(row.date);
  if (day) return { field: 'date', message: day };
  const units = unitsProblem(row.units_sold);
  if (units) return { field: 'units_sold', message: units };
  return undefined;
}

/** One line of COPY text format for the staging table: item, day, units, where the row came from. */
export function copyLine(item: string, day: string, units: number, origin: number): string {
  const escaped = /[\\\t\n\r]/.test(item)
    ? item.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : item;
  return `${escaped}\t${day}\t${units}\t${origin}\n`;
}
