/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 30000,
  // The integration suites share one Docker engine, registry and fake AWS endpoint per file;
  // two workers keep the 2-core CI machine busy without starving dockerd.
  maxWorkers: 2,
  // No fetch beyond 127.0.0.1 (test/support/loopback-only.mjs).
  setupFilesAfterEnv: ['<rootDir>/test/support/loopback-only.ts'],
};
