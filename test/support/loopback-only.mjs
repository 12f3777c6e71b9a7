/* global URL, Request, process */
// Network guard for the tests (jest setupFilesAfterEnv through loopback-only.ts, and `node --import`
// for the bundles the tests spawn): `fetch` to any host but 127.0.0.1 / localhost / [::1] is refused
// before a byte is sent, and recorded, so a test that would have reached out fails instead.
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

export const MARKER = 'dd-ecs-monitor test guard: refused fetch beyond loopback:';

export function installLoopbackGuard(onRefused) {
  const real = globalThis.fetch;
  if (real.loopbackGuard) return;
  const guarded = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!LOOPBACK.test(url.hostname)) {
      onRefused(url.href);
      return Promise.reject(new TypeError(`${MARKER} ${url.href}`));
    }
    return real(input, init);
  };
  guarded.loopbackGuard = true;
  globalThis.fetch = guarded;
}

// Loaded by `node --import`: refusals go to stderr, where the harness looks for the marker.
if (process.env.DD_ECS_MONITOR_LOOPBACK_GUARD === 'stderr') {
  installLoopbackGuard((href) => process.stderr.write(`${MARKER} ${href}\n`));
}
