/**
 * Issue 10's figure: a config-only change (one http_check line) to an image whose base is a few
 * hundred MB, made (a) by layer append through the registry API and (b) by docker build + push,
 * the usual way, both starting like a fresh CI runner (no local layer cache). Real Docker engine
 * and registry with ECR-style auth, fake ECR on 127.0.0.1. Bytes pulled come from the registry's
 * own access log (`GET .../blobs/...` response sizes); bytes pushed are the blobs the new image
 * has that the base had not, plus its config and manifest, counted the same way for both.
 * BENCH_BASE_MB sets the incompressible layer's size (default 300).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { destroyClients, makeClients } from '../src/aws.js';
import { buildImages, type ImageSpec, imageInputs } from '../src/images/index.js';
import { streamLog } from '../src/log.js';
import {
  type DockerEngine,
  docker,
  type Registry,
  startDockerEngine,
  startRegistry,
} from '../test/support/docker-env.js';
import { EXAMPLE } from '../test/support/example-env.js';
import { FakeEcr } from '../test/support/fake-aws/ecr.js';
import { FakeAws } from '../test/support/fake-aws/server.js';
import { BASE_IMAGE, ensureStandInImages } from '../test/support/stand-in-images.js';
import { ms, printRows, ratio } from './lib.js';

const quiet = streamLog(() => undefined);
const REPO = 'bench/agent';
const MB = Number(process.env.BENCH_BASE_MB ?? 300);

/** Sum of response sizes of blob GETs in the registry's access log after `from`. */
async function bytesPulled(r: Registry, from: number): Promise<number> {
  const text = (await readFile(r.logFile, 'utf8')).slice(from);
  return [...text.matchAll(/"GET \/v2\/[^ ]+\/blobs\/sha256:[0-9a-f]{64} HTTP\/1\.1" 200 (\d+)/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
}

async function manifestOf(
  r: Registry,
  ref: string,
): Promise<{ bytes: number; config: number; layers: Array<{ digest: string; size: number }> }> {
  const res = await fetch(`http://${r.host}/v2/${REPO}/manifests/${ref}`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`AWS:${r.password}`).toString('base64')}`,
      Accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
    },
  });
  const text = await res.text();
  const m = JSON.parse(text) as { config: { size: number }; layers: Array<{ digest: string; size: number }> };
  return { bytes: Buffer.byteLength(text), config: m.config.size, layers: m.layers };
}

/** What a push of `ref` had to send beyond the base `upstream`: new layers, config, manifest. */
async function bytesPushed(r: Registry, ref: string, upstream: string): Promise<number> {
  const [img, base] = [await manifestOf(r, ref), await manifestOf(r, upstream)];
  const had = new Set(base.layers.map((l) => l.digest));
  return img.layers.filter((l) => !had.has(l.digest)).reduce((n, l) => n + l.size, 0) + img.config + img.bytes;
}

async function coldRunner(engine: DockerEngine, r: Registry): Promise<void> {
  const ls = await docker(engine, ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', `${r.host}/${REPO}`]);
  const refs = ls.stdout.split('\n').filter(Boolean);
  if (refs.length) await docker(engine, ['image', 'rm', '-f', ...refs]);
  await docker(engine, ['image', 'prune', '-f']);
}

/** The upstream agent stand-in: busybox plus an incompressible MB-sized layer, pushed as `upstream`. */
async function pushBigBase(engine: DockerEngine, r: Registry, dir: string): Promise<string> {
  const ref = `${r.host}/${REPO}:upstream`;
  await writeFile(
    path.join(dir, 'Dockerfile'),
    `FROM ${BASE_IMAGE}\nRUN head -c ${MB * 1024 * 1024} /dev/urandom > /opt-blob\n`,
  );
  const env = { DOCKER_BUILDKIT: '0', DOCKER_CONFIG: dir };
  for (const args of [
    ['build', '-q', '-t', ref, dir],
    ['login', '-u', 'AWS', '-p', r.password, r.host],
    ['push', '-q', ref],
  ]) {
    const res = await docker(engine, args, env);
    if (res.code !== 0) throw new Error(`docker ${args[0]} failed: ${res.stderr}`);
  }
  return ref;
}

async function changeSite(contextDir: string, n: number): Promise<void> {
  const f = path.join(contextDir, 'etc/datadog-agent/conf.d/http_check.d/conf.yaml');
  await writeFile(f, (await readFile(f, 'utf8')).replace(/timeout: \d+/, `timeout: ${10 + n}`));
}

export async function appendBench(): Promise<void> {
  const engine = await startDockerEngine();
  if (!engine) return void console.log('\n## Layer append\n  skipped: no Docker engine');
  const registry = await startRegistry();
  const fake = new FakeAws();
  await fake.start();
  new FakeEcr({ host: registry.host, password: registry.password }).install(fake).addRepository(REPO);
  const saved = { ...process.env };
  Object.assign(process.env, fake.env(), engine.env);
  const clients = makeClients({ region: 'ap-northeast-1' });
  const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-bench-append-'));
  try {
    await ensureStandInImages(engine);
    const upstream = await pushBigBase(engine, registry, dir);
    const contextDir = path.join(dir, 'datadog');
    await cp(path.join(EXAMPLE, 'datadog'), contextDir, { recursive: true });
    const spec = async (): Promise<ImageSpec> => {
      const dockerfile = path.join(contextDir, 'Dockerfile');
      const buildArgs = { AGENT_IMAGE: upstream };
      const inputs = await imageInputs({ root: dir, contextDir, dockerfile, buildArgs });
      return {
        key: 'datadog-agent',
        contextDir,
        dockerfile,
        repository: REPO,
        buildArgs,
        contentHash: inputs.hash as string,
      };
    };
    // The first deploy: docker builds base-<hash> once, pushes it and publishes base-<hash>-config.
    await buildImages({ images: [await spec()], gitSha: '', clients, log: quiet });

    const run = async (n: number, append: boolean) => {
      await changeSite(contextDir, n);
      await coldRunner(engine, registry);
      const from = (await readFile(registry.logFile, 'utf8')).length;
      const t = performance.now();
      const env = append ? { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' } : process.env;
      const out = await buildImages({ images: [await spec()], gitSha: '', clients, log: quiet, append, env });
      const elapsed = performance.now() - t;
      const img = out.images[0];
      if (!img?.digest) throw new Error('no image made');
      return {
        ms: elapsed,
        pulled: await bytesPulled(registry, from),
        pushed: await bytesPushed(registry, img.contentTag, 'upstream'),
        how: img.method ?? '',
      };
    };
    const a = await run(1, true);
    const b = await run(2, false);
    const mb = (n: number): string =>
      n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
    // The append reads no blob (its base config comes from base-<hash>-config): no ratio to a zero.
    const pulled = a.pulled === 0 ? `${mb(b.pulled)} vs none` : ratio(b.pulled, a.pulled);
    printRows(
      `Config-only image, base with a ${MB} MB incompressible layer (fresh runner: no local layers; one run each)`,
      [
        {
          what: '(a) layer append through the registry, no Docker daemon',
          value: ms(a.ms),
          note: `pulled ${mb(a.pulled)}, pushed ${mb(a.pushed)}; ${a.how}`,
        },
        {
          what: '(b) docker build + push (pulls the base first)',
          value: ms(b.ms),
          note: `pulled ${mb(b.pulled)}, pushed ${mb(b.pushed)}`,
        },
        {
          what: '(b)/(a): how many times more docker build + push costs',
          value: ratio(b.ms, a.ms),
          note: `bytes pulled ${pulled}, bytes pushed ${ratio(b.pushed, a.pushed)}`,
        },
      ],
    );
  } finally {
    process.env = saved;
    destroyClients(clients);
    await coldRunner(engine, registry).catch(() => undefined);
    await fake.stop();
    await registry.stop();
    await rm(dir, { recursive: true, force: true });
    await engine.stop();
  }
}
