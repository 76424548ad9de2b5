/**
 * Runs `work` and answers no sooner than `ms` after it started, whatever happened (result or
 * error). For answers that must not tell by their timing which branch they took (whether an
 * address has an account): the floor is set above what either branch takes.
 */
export async function withMinimumDuration<T>(ms: number, work: () => Promise<T>, sleep = defaultSleep): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = ms - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
