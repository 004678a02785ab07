/** One jest run for the whole repo: unit, integration (real PostgreSQL), end-to-end and browser tests. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/apps', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    // The web app is an ES module package; its pure modules are tested here as CommonJS.
    '/apps/web/.+\\.ts$': '<rootDir>/tests/jest/ts-jest-web.js',
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  globalSetup: '<rootDir>/tests/jest/global-setup.js',
  globalTeardown: '<rootDir>/tests/jest/global-teardown.js',
  setupFiles: ['<rootDir>/tests/jest/setup-reflect.js', '<rootDir>/tests/jest/setup-log-level.js'],
  maxWorkers: 2,
  testTimeout: 60_000,
};
