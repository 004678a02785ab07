import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, repoRoot, SUBGRAPHS } from '@harbour/config';
import { composeSupergraph } from './compose';

/**
 * `pnpm schema`: each subgraph prints its SDL (in its own process, so type-graphql's
 * metadata never mixes), then the supergraph and API schema are composed and written.
 */
function main(): void {
  const root = repoRoot();
  // Routing URLs in the committed supergraph are the defaults, whatever this shell's env says.
  const config = loadConfig({});
  const subgraphs = SUBGRAPHS.map((name) => {
    const sdl = execFileSync(process.execPath, [path.join(root, 'apps', name, 'dist', 'main.js'), '--print-sdl'], {
      encoding: 'utf8',
    });
    const file = path.join(root, 'schema', `${name}.graphql`);
    writeFileSync(file, sdl.endsWith('\n') ? sdl : `${sdl}\n`);
    console.log(`wrote ${path.relative(root, file)}`);
    return { name, url: config.subgraphUrls[name], sdl };
  });
  const composed = composeSupergraph(subgraphs);
  for (const hint of composed.hints) console.log(`hint: ${hint}`);
  writeFileSync(path.join(root, 'schema', 'supergraph.graphql'), composed.supergraph.endsWith('\n') ? composed.supergraph : `${composed.supergraph}\n`);
  console.log('wrote schema/supergraph.graphql');
  writeFileSync(path.join(root, 'schema', 'api.graphql'), composed.api.endsWith('\n') ? composed.api : `${composed.api}\n`);
  console.log('wrote schema/api.graphql');
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
