// Adaptive retry mode's client-side rate limiter: the SDK's DefaultRateLimiter (botocore's algorithm:
// a token bucket that turns on at the first throttling answer, its rate set by CUBIC). Its own lazy
// bundle: only `retry_mode = adaptive` loads it.
import { DefaultRateLimiter } from '@smithy/util-retry';

export interface RateLimiter {
  /** Waits for a token (at once until a throttling answer turned the bucket on). */
  getSendToken(): Promise<void>;
  /** After each answer: a throttling one lowers the rate, others let it recover. */
  updateClientSendingRate(info: { errorType?: 'THROTTLING' }): void;
}

export function createRateLimiter(): RateLimiter {
  return new DefaultRateLimiter() as unknown as RateLimiter;
}
