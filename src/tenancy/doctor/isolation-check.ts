/** The verdict of one isolation check: `fail` is a broken fence, `warn` a check that proved nothing. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One result of `checkIsolation`, the shape `tenantbase doctor` prints. */
export interface IsolationCheck {
  name: string;
  status: CheckStatus;
  detail: string;
}

/**
 * A check that passes when `broken` is empty and fails naming what is, followed by `fix`: an
 * operator reads what to run without a database console open beside the report.
 */
export function verdict(name: string, broken: string[], okDetail: string, fix?: string): IsolationCheck {
  if (broken.length === 0) return { name, status: 'ok', detail: okDetail };
  return { name, status: 'fail', detail: `${broken.join('; ')}${fix ? `. Fix: ${fix}` : ''}` };
}
