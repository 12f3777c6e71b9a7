/**
 * jest setupFilesAfterEnv: no test sends traffic beyond 127.0.0.1 through `fetch` (the base-image
 * resolver's and the Datadog/GitHub clients' transport). A refused request fails the test file.
 */
// @ts-expect-error -- plain ESM helper shared with `node --import` (no declaration file)
import { installLoopbackGuard } from './loopback-only.mjs';

const refused: string[] = [];
(installLoopbackGuard as (onRefused: (href: string) => void) => void)((href) => refused.push(href));

afterAll(() => {
  expect(refused).toEqual([]);
});
