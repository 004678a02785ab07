import { deliveryBench } from './delivery.bench';
import { gatewayBench } from './gateway.bench';
import { reportsBench } from './reports.bench';
import { respondentBench } from './respondent.bench';

/** `pnpm bench`: every benchmark, one after another. Figures and ratios are printed, never asserted. */
async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS || 5);
  const rounds = Number(process.env.BENCH_ROUNDS || 3);
  if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'gateway') console.log('== gateway overhead ==');
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'gateway') await gatewayBench({ rounds, seconds, concurrency: Number(process.env.BENCH_CONCURRENCY || 16) });
  if (!only || only === 'delivery') {
    console.log('\n== delivery: submissions and rollups ==');
    await deliveryBench({ seconds, concurrency: Number(process.env.BENCH_CONCURRENCY || 16) });
  }
  if (!only || only === 'respondent') {
    console.log("\n== the respondent's page: bytes and time to the first question on a phone ==");
    await respondentBench({ runs: rounds });
  }
  if (!only || only === 'reports') {
    console.log('\n== reports: a role evaluation over a million responses ==');
    await reportsBench({ responses: Number(process.env.BENCH_RESPONSES || 1_000_000), tenants: Number(process.env.BENCH_TRUSTS || 20), runs: rounds + 2 });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
