// Services in a test's own process log errors only; platforms a test starts log at
// info (tests/support/platform.ts), where tests read their request lines.
process.env.HARBOUR_LOG_LEVEL ??= 'error';
