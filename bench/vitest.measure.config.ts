// Measurements that need the network or take minutes, run by hand (`npm run measure`), never in `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['bench/measure/*.measure.ts'], testTimeout: 900_000, hookTimeout: 900_000, fileParallelism: false },
});
