/** Whether outbound fetches may reach this machine and private networks: tests with a local provider only. */
export interface OutboundPolicy {
  allowPrivateTargets: boolean;
}

/** Why the server refuses to fetch a target; a plain Error so it never becomes the caller's 400. */
export class OutboundTargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundTargetRefused';
  }
}
