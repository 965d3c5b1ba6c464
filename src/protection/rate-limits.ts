import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import type { StoreOutage } from './store-outage.js';

/**
 * `general` limits (the API budget, creation quotas) fail open when the shared store is down:
 * an outage must not take the product down. `strict` limits (login, signup, demo requests)
 * fail closed: without the store we cannot tell an attack from a user.
 */
export type LimitClass = 'general' | 'strict';

export interface LimitRule {
  name: string;
  points: number;
  durationSeconds: number;
  class: LimitClass;
}

export interface LimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets (X-RateLimit-Reset, as in seed 003). */
  resetAt: number;
  retryAfterSeconds: number;
  /** The store could not answer and a general limit let the request through. */
  degraded: boolean;
}

/**
 * Fixed-window counters per key, in memory for a single process or in Redis when REDIS_URL is
 * set so every server process counts against the same budget.
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly options: {
      redis?: Redis;
      /** Shared with the cache: while Redis is known down, checks skip it instead of waiting. */
      outage?: StoreOutage;
      keyPrefix: string;
      onStoreFailure?: (limitClass: LimitClass) => void;
    },
  ) {}

  private limiter(rule: LimitRule): RateLimiterAbstract {
    const id = `${rule.name}:${rule.points}:${rule.durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const common = {
        points: rule.points,
        duration: rule.durationSeconds,
        keyPrefix: `${this.options.keyPrefix}:${id}`,
      };
      limiter = this.options.redis
        ? new RateLimiterRedis({ ...common, storeClient: this.options.redis, rejectIfRedisNotReady: true })
        : new RateLimiterMemory(common);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /** Spends `cost` points of `key` under `rule`; never throws for an exhausted limit, only reports it. */
  async consume(rule: LimitRule, key: string, cost = 1): Promise<LimitDecision> {
    const decide = (res: RateLimiterRes, allowed: boolean): LimitDecision => ({
      allowed,
      limit: rule.points,
      remaining: Math.max(0, res.remainingPoints),
      resetAt: Math.ceil((Date.now() + res.msBeforeNext) / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      degraded: false,
    });
    const { outage } = this.options;
    let failure = 'the shared store is not answering';
    if (!outage?.skip()) {
      try {
        const decision = decide(await this.limiter(rule).consume(key, cost), true);
        outage?.answered();
        return decision;
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          outage?.answered();
          return decide(error, false);
        }
        outage?.failed();
        failure = (error as Error)?.message;
      }
    }
    this.options.onStoreFailure?.(rule.class);
    if (rule.class === 'strict') {
      throw new AppError('UNAVAILABLE', 'This is temporarily unavailable; retry shortly', {
        internal: `rate limit store failed: ${failure}`,
        headers: { 'Retry-After': '5' },
      });
    }
    return {
      allowed: true,
      limit: rule.points,
      remaining: rule.points,
      resetAt: Math.ceil(Date.now() / 1000) + rule.durationSeconds,
      retryAfterSeconds: 0,
      degraded: true,
    };
  }

  /** Forgets the count of `key` (e.g. after a successful login). */
  async reset(rule: LimitRule, key: string): Promise<void> {
    if (this.options.outage?.down) return;
    await this.limiter(rule)
      .delete(key)
      .catch(() => undefined);
  }
}
