/** A small seeded PRNG (mulberry32), so two runs send the same tenant sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Samples ranks 0..n-1 with P(rank k) proportional to 1/(k+1)^s (Zipf's law): rank 0 is the
 * busiest tenant. Inverse-CDF lookup by binary search.
 */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / Math.pow(k + 1, s);
    cdf[k] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cdf[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** The share of requests the `top` busiest of `n` ranks receive. */
export function zipfTopShare(n: number, s: number, top: number): number {
  let head = 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const weight = 1 / Math.pow(k + 1, s);
    total += weight;
    if (k < top) head += weight;
  }
  return head / total;
}
