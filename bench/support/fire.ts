// One autocannon run of POSTed JSON against a webhook, reduced to the figures the benchmarks
// report (answered requests per second, latency percentiles, failures).
import autocannon from 'autocannon';

export interface Fired {
  perSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
}

export async function fire(
  options: Pick<autocannon.Options, 'url' | 'connections' | 'duration' | 'headers' | 'requests'>,
): Promise<Fired> {
  const result = await autocannon({ method: 'POST', ...options });
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}
