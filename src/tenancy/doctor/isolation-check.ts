/** The verdict of one isolation check: `fail` is a broken fence, `warn` a check that proved nothing. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One result of `checkIsolation`, the shape `tenantbase doctor` prints. */
export interface IsolationCheck {
  name: string;
  status: CheckStatus;
  detail: string;
}

/** A check that passes when `broken` is empty and fails naming what is. */
export function verdict(name: string, broken: string[], okDetail: string): IsolationCheck {
  return broken.length === 0
    ? { name, status: 'ok', detail: okDetail }
    : { name, status: 'fail', detail: broken.join('; ') };
}
