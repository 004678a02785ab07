import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ANONYMOUS, CALLER_HEADER, CLIENT_HEADER, describeClient, encodeCaller, GATEWAY_SECRET_HEADER, log, REQUEST_ID_HEADER, requestIdOf, requestTarget } from '@harbour/graphql-kit';
import { needsSurvey, RESPONDENT_DATA_ID, RESPONDENT_INVITATION_QUERY, type RespondentInvitation, type RespondentPageData } from '@harbour/survey-kit/respondent-page';

/** A personal link's path: `/s/<token>`, the token as links are made (base64url), bounded. */
const LINK_PATH = /^\/s\/([A-Za-z0-9_-]{1,200})\/?$/;
/** The longest the page waits for its invitation before it says to try again. */
const LOOKUP_TIMEOUT_MS = 5000;
/** The web build's source files for the page's two parts, as vite's manifest names them. */
const PAGE_ENTRY = 'src/respondent/RespondentApp.tsx';
const SURVEY_ENTRY = 'src/respondent/RespondentSurvey.tsx';

/** Refusals whose message the person reads as it is. */
const PERSONS_PROBLEMS = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** The build's index.html and what each part of the page loads, read again when the build changes. */
class WebBuild {
  private read: { at: number; html: string; page: string[]; survey: string[] } | null = null;
  constructor(private readonly root: string) {}

  get(): { html: string; page: string[]; survey: string[] } | null {
    const index = path.join(this.root, 'index.html');
    const manifestFile = path.join(this.root, '.vite', 'manifest.json');
    if (!existsSync(index) || !existsSync(manifestFile)) return null;
    const at = statSync(manifestFile).mtimeMs;
    if (this.read?.at !== at) {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
      const page = filesOf(manifest, PAGE_ENTRY, new Set());
      this.read = { at, html: readFileSync(index, 'utf8'), page, survey: filesOf(manifest, SURVEY_ENTRY, new Set(page)) };
    }
    return this.read;
  }
}

/** The files a chunk loads (itself, its static imports and their styles), less those in `seen`. */
function filesOf(manifest: Record<string, ManifestChunk>, key: string, seen: Set<string>): string[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return [];
  seen.add(chunk.file);
  const files = [chunk.file];
  for (const css of chunk.css ?? []) {
    if (!seen.has(css)) {
      seen.add(css);
      files.push(css);
    }
  }
  for (const imported of chunk.imports ?? []) files.push(...filesOf(manifest, imported, seen));
  return files;
}

/**
 * A hint that has the browser fetch `file` now, in parallel with everything else: scripts as
 * module preloads (with `crossorigin`, as vite writes its own, so the browser uses one fetch for
 * both), styles as the stylesheet itself (vite's loader adds a stylesheet only when there is none).
 */
function preload(file: string): string {
  const href = `/${file}`;
  return file.endsWith('.css') ? `<link rel="stylesheet" crossorigin href="${href}">` : `<link rel="modulepreload" crossorigin href="${href}">`;
}

/** JSON safe inside a `<script>` element: no `<` can close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The web app's page for a personal link, with `data` in it and hints for the files it needs:
 * the page's own script, and the survey library only when there is a survey to answer.
 */
export function writePage(web: { html: string; page: string[]; survey: string[] }, data: RespondentPageData): string {
  const files = [...web.page, ...(needsSurvey(data) ? web.survey : [])].filter((file) => !web.html.includes(`"/${file}"`));
  const hints = files.map(preload).join('\n    ');
  return web.html
    .replace('</head>', `  ${hints}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root"></div>\n    <script type="application/json" id="${RESPONDENT_DATA_ID}">${scriptJson(data)}</script>`);
}

/**
 * A personal link's page (`GET /s/<token>`): the web app's page with the invitation already in it.
 * The gateway asks the responses subgraph the page's own query, as an anonymous caller with the
 * person's client, and writes the answer into the page, with hints that have the browser fetch,
 * in parallel, the page's script and (only when there is a survey to answer) the survey library.
 * "Already done", "closed" and "withdrawn" pages load no survey library at all. Stored answers are
 * in the page, so it is never stored by a browser or proxy. Any other path goes to `next`.
 */
export function respondentPage(options: { webRoot: string; responsesUrl: string; gatewaySecret: string }, next: (req: IncomingMessage, res: ServerResponse) => void) {
  const build = new WebBuild(options.webRoot);
  const anonymous = encodeCaller(ANONYMOUS);
  const lookUp = async (req: IncomingMessage, token: string): Promise<RespondentPageData> => {
    try {
      const response = await fetch(options.responsesUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [GATEWAY_SECRET_HEADER]: options.gatewaySecret,
          [CALLER_HEADER]: anonymous,
          [CLIENT_HEADER]: describeClient(req),
          [REQUEST_ID_HEADER]: requestIdOf(req),
        },
        body: JSON.stringify({ query: RESPONDENT_INVITATION_QUERY, variables: { token } }),
        signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
      });
      const answer = (await response.json()) as { data?: { invitation: RespondentInvitation | null } | null; errors?: { message: string; extensions?: { code?: string } }[] };
      if (answer.data?.invitation) return { invitation: answer.data.invitation };
      const error = answer.errors?.[0];
      // An unknown, expired or malformed link: the subgraph's words are for the person.
      if (error && PERSONS_PROBLEMS.has(error.extensions?.code ?? '')) return { problem: error.message };
      log.warn({ status: response.status, code: error?.extensions?.code }, 'a personal link page could not read its invitation');
    } catch (error) {
      log.warn({ reason: (error as Error).message }, 'a personal link page could not read its invitation');
    }
    return { problem: 'Your survey could not be opened just now. Reload the page in a minute to try again: nothing you saved is lost.' };
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    const link = (req.method === 'GET' || req.method === 'HEAD') && LINK_PATH.exec(requestTarget(req)?.pathname ?? '');
    const web = link && build.get();
    if (!link || !web) {
      next(req, res);
      return;
    }
    void lookUp(req, link[1]!).then((data) => {
      const html = writePage(web, data);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-length': Buffer.byteLength(html),
      });
      res.end(req.method === 'HEAD' ? undefined : html);
    });
  };
}
