import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  appRouteHandlers,
  crossFileParsing,
  type EntryPoint,
  entryUrlSegments,
  getWebhookAnalyzer,
  type WebhookAnalyzer,
  getAuthAnalyzer,
  getClerkReferences,
  getFileKind,
  mayAcceptMachineTokens,
  middlewareAtHand,
  isClerkProjectRouterModule,
  isPlumbing,
  middlewareCoverageFor,
  type MiddlewareVerdict,
  nodeRouteHandler,
  pagesApiHandler,
  routerMount,
  routerUsesBefore,
  type RouterMount,
  routeUrlPath,
} from '../analysis/index.js';
import { NODE_ROUTE_METHODS, NODE_SERVER_SOURCES, PRIVATE_PATH_SEGMENT, PUBLIC_BY_DESIGN_SEGMENTS, WEBHOOK_PATH_SEGMENT } from '../clerk/index.js';
import { createRule } from './kit/create-rule.js';
import { routeGuardMiddlewareFix } from '../fixes/auth-guard.js';
import { type EntryPointMessageIds, findEntryPointProblem, isPublicRead } from './kit/entry-point-findings.js';
import { matchesAnyGlob } from '../util/glob.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';
import { stringListOption } from './kit/schema.js';

export type Options = [{ publicRoutes?: string[]; publicFunctions?: string[]; checkMiddlewareOnly?: boolean; checkPublicReads?: boolean }];
export type MessageIds = EntryPointMessageIds | 'reliesOnMiddleware' | 'unreadableMiddleware' | 'addRequireAuth';

/** Findings that middleware protection answers: the handler itself never turns anonymous callers away. */
const MIDDLEWARE_ANSWERS = new Set<MessageIds>(['missingAuth', 'uncheckedAuth', 'authAfterWork']);
/** What the handler does wrong, for the message that also names a middleware that does not parse. */
const UNREADABLE_PROBLEM: Partial<Record<MessageIds, string>> = {
  missingAuth: 'runs without checking `userId`',
  uncheckedAuth: 'reads the session but never exits when `userId` is missing',
  authAfterWork: 'does work before it checks `userId`',
};

export default createRule<Options, MessageIds>({
  name: 'require-route-handler-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require route handlers and API routes to check `userId` before they do any work',
      recommended: 'recommended',
      strictOptions: [{ checkMiddlewareOnly: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          publicRoutes: stringListOption(
            'Globs of route files (relative to the project, the folder of its package.json, such as `app/api/health/**`) or Express/Fastify/Hono paths (such as `/health`) that are public by design.',
          ),
          publicFunctions: stringListOption(
            'Names or globs of handlers that are public by design (such as `OPTIONS`).',
          ),
          checkMiddlewareOnly: {
            type: 'boolean',
            description:
              "Also report handlers whose only protection is the app's middleware (`auth.protect()` for the route's path). On in `strict`.",
          },
          checkPublicReads: {
            type: 'boolean',
            description:
              'Also report handlers that never read the session and only read data, taking no user, owner or organization id from the request (a catalogue list, a public post): public by design in most apps.',
          },
        },
      },
    ],
    defaultOptions: [{ publicRoutes: [], publicFunctions: [], checkMiddlewareOnly: false, checkPublicReads: false }],
    messages: {
      missingAuth: 'Route handler `{{name}}` runs without checking `userId`; anyone on the internet can call it.',
      uncheckedAuth:
        'Route handler `{{name}}` reads the session but never exits when `userId` is missing; anonymous callers get through.',
      authAfterWork:
        'Route handler `{{name}}` does work before it checks `userId`; anonymous callers reach that work before the check.',
      unreadableMiddleware:
        'Route handler `{{name}}` {{problem}}, and `{{middleware}}` could not be parsed, so no protection it means to give can be counted on; anyone on the internet can call it.',
      reliesOnMiddleware:
        'Route handler `{{name}}` relies on `{{middleware}}` alone to turn anonymous callers away; a matcher change or a middleware bypass (CVE-2025-29927) leaves it open, so check `userId` here too.',
      nullCheckWithMachineTokens:
        'The guard `{{test}}` never trips for machine tokens, whose auth objects have no `userId`; check `isAuthenticated` instead.',
      addAuthGuard: 'Insert an authentication guard at the top of `{{name}}`.',
      moveAuthGuard: 'Move the authentication check to the top of `{{name}}`.',
      addAuthCheck: 'Exit when `{{value}}` is missing.',
      useIsAuthenticated: 'Check `{{replacement}}` instead.',
      addRequireAuth: 'Require a signed-in caller with `requireAuth()` from `@clerk/express` before the handler of `{{name}}`.',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const kind = getFileKind(context);
    const nodeServer = kind.nodeServer && [...NODE_SERVER_SOURCES].some((source) => sourceCode.text.includes(source));
    // A router module (`const router = Router(); router.post('/', create)`) of a project on a Clerk Node SDK: the
    // session comes from the app module that mounts it.
    const routerModule = !nodeServer && !kind.appRoute && !kind.pagesApi && isClerkProjectRouterModule(sourceCode, context.filename);
    if (!kind.appRoute && !kind.pagesApi && !nodeServer && !routerModule) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const publicRoutes = options.publicRoutes ?? [];
    const publicFunctions = options.publicFunctions ?? [];
    if (publicRoutes.length > 0 && (kind.appRoute || kind.pagesApi) && isPublicPath(kind.path, publicRoutes)) return {};

    let middlewareVerdict: MiddlewareVerdict | undefined;
    /** What the app's middleware does for this route's path; read once per file, only when a finding needs it. */
    const coverage = (): MiddlewareVerdict => {
      if (middlewareVerdict !== undefined) return middlewareVerdict;
      const url = routeUrlPath(kind.path);
      middlewareVerdict =
        url === undefined ? { coverage: 'unknown' } : middlewareCoverageFor(context, (setup as NonNullable<typeof setup>).settings, url);
      return middlewareVerdict;
    };

    const webhooks = (): WebhookAnalyzer => getWebhookAnalyzer(context, (setup as NonNullable<typeof setup>).settings);

    function check(entry: EntryPoint): void {
      // A Clerk webhook is public by design and authenticated by its signature: require-webhook-verification's job.
      // Another provider's webhook verifies its own signature. A file that merely imports svix or a `…/webhooks`
      // module (to send webhooks) is an ordinary route.
      // (An event-type string alone marks a webhook only when the handler reads a payload to check it against.)
      // Asked only of handlers with a finding (most handlers check the session and have none): same answer, less work.
      // Except on a webhook path (`/api/webhooks/paynow`), where most handlers are webhooks: asked first there, so
      // that the analysis (which reads every helper the handler calls, to see whether one checks the session) is
      // not run only to be dropped. With require-webhook-verification's like reorder, `recommended` parses 44 KB of
      // other modules on corpus (c) instead of 75 KB.
      const isWebhook = (): boolean =>
        webhooks().fileHasClerkSignal() ||
        (webhooks().handlerHasClerkSignal(entry.fn) && webhooks().bodyReads(entry.fn).length > 0) ||
        webhooks().verifiesAnywhere(entry.fn);
      const method = entry.name.split(' ')[0] ?? entry.name;
      if (matchesAnyGlob(entry.name, publicFunctions) || matchesAnyGlob(method, publicFunctions)) return;
      const webhookPath = entryUrlSegments(entry).some((segment) => WEBHOOK_PATH_SEGMENT.test(segment));
      if (webhookPath && isWebhook()) return;
      const finding = findEntryPointProblem(context, setup as NonNullable<typeof setup>, entry, { checkPublicReads: options.checkPublicReads === true });
      if (finding === undefined || (!webhookPath && isWebhook())) return;
      // Health checks and the endpoints of the app's own sign-in: public by design when they never read the session.
      if (finding.messageId === 'missingAuth' && isPublicEndpoint(entry)) return;
      let messageId: MessageIds = finding.messageId;
      let data = finding.data;
      const middleware = entry.kind === 'nodeRoute' || !MIDDLEWARE_ANSWERS.has(messageId) ? undefined : coverage();
      // A public read is public by design, unless the middleware protects the route: then the app means it private.
      if (finding.publicRead === true && middleware?.coverage !== 'protected') return;
      // The middleware's public route list names this route: the app declares it public. (A webhook is public too,
      // but must then verify its sender: one that does not is reported.)
      if (middleware?.declaredPublic === true && !webhookPath && (messageId === 'missingAuth' || messageId === 'uncheckedAuth')) return;
      if (middleware?.unreadable === true) {
        data = { ...data, problem: UNREADABLE_PROBLEM[messageId] ?? '', middleware: middleware.file ?? 'middleware' };
        messageId = 'unreadableMiddleware';
      }
      if (middleware?.coverage === 'protected') {
        // Protected by middleware: a finding only where the team asks every route to protect itself (strict).
        if (options.checkMiddlewareOnly !== true) return;
        messageId = 'reliesOnMiddleware';
        data = { ...data, middleware: middleware.file ?? 'middleware' };
      }
      context.report({
        loc: finding.loc,
        messageId,
        data,
        fix: promotedFix((setup as NonNullable<typeof setup>).settings, finding.suggest),
        suggest: finding.suggest,
      });
    }

    let mount: RouterMount | undefined;
    /** How the app mounts this router module; read once per file, only for a route that has a finding. */
    const mountOfThisRouter = (): RouterMount => {
      if (mount !== undefined) return mount;
      const parsing = crossFileParsing(context, (setup as NonNullable<typeof setup>).settings);
      mount = parsing === undefined ? { kind: 'unknown' } : routerMount(context.filename, parsing.parser, parsing.parserOptions);
      return mount;
    };

    /**
     * A route of a router module: `router.post('/', create)`, the handler local or imported from a controller module.
     * Reported only when the app's mount of the router is found and passes through nothing but plumbing, and the
     * route itself has no middleware but plumbing (`upload.single('image')`): anything else may be a guard.
     */
    function checkRouterRoute(call: TSESTree.CallExpression): void {
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
      const method = callee.property.name;
      if (!NODE_ROUTE_METHODS.has(method) || method === 'use' || method === 'all' || call.arguments.length < 2) return;
      const path = call.arguments[0];
      if (path?.type !== 'Literal' || typeof path.value !== 'string' || !path.value.startsWith('/')) return;
      const handler = call.arguments[call.arguments.length - 1];
      if (handler === undefined || handler.type === 'SpreadElement') return;
      if (call.arguments.slice(1, -1).some((argument) => !isPlumbing(sourceCode, argument))) return;
      if (routerUsesBefore(sourceCode, callee.object, call)) return;
      const settings = (setup as NonNullable<typeof setup>).settings;
      const fileAnalyzer = getAuthAnalyzer(sourceCode, settings, context);
      const target =
        handler.type === 'Identifier'
          ? fileAnalyzer.resolveFunction(handler)
          : handler.type === 'ArrowFunctionExpression' || handler.type === 'FunctionExpression'
            ? { fn: handler, analyzer: fileAnalyzer }
            : undefined;
      if (target === undefined) return;
      const routePath = path.value === '/' ? '' : path.value;
      const verdict = target.analyzer.analyze(target.fn, { routeHandler: true });
      if (verdict.kind !== 'missing' && verdict.kind !== 'unchecked' && verdict.kind !== 'afterWork') return;
      if (publicRoutes.length > 0 && matchesAnyGlob(routePath === '' ? '/' : routePath, publicRoutes)) return;
      if (matchesAnyGlob(method.toUpperCase(), publicFunctions)) return;
      const routerMounted = mountOfThisRouter();
      if (routerMounted.kind !== 'open') return;
      const name = `${method.toUpperCase()} ${routerMounted.path}${routePath}` || `${method.toUpperCase()} /`;
      const entry: EntryPoint = { kind: 'nodeRoute', fn: target.fn, reportNode: path, name: name.endsWith(' ') ? `${name}/` : name };
      if (entryUrlSegments(entry).some((segment) => WEBHOOK_PATH_SEGMENT.test(segment))) return;
      if (isPublicEndpoint(entry)) return;
      if (verdict.kind === 'missing' && options.checkPublicReads !== true) {
        const module = target.analyzer.sourceCode;
        if (isPublicRead(module, verdict.work, () => target.analyzer.workNodes(target.fn), entry)) return;
      }
      const messageId = verdict.kind === 'missing' ? 'missingAuth' : verdict.kind === 'unchecked' ? 'uncheckedAuth' : 'authAfterWork';
      const suggest = requireAuthSuggestion(handler, entry.name);
      context.report({ node: path, messageId, data: { name: entry.name }, fix: promotedFix(settings, suggest), suggest });
    }

    /** Express: the Clerk route guard (`requireAuth()`) as the route's middleware, before the handler. */
    function requireAuthSuggestion(handler: TSESTree.Node, name: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const fix = routeGuardMiddlewareFix(sourceCode, handler);
      return fix === undefined ? [] : [{ messageId: 'addRequireAuth', data: { name }, fix }];
    }

    /**
     * `/api/health`, `/api/attendee/[slug]/sign-in/[key]`: the last fixed segment names a health check or a sign-in
     * endpoint of the app's own, and nothing says otherwise (an `admin` or `internal` segment, or Clerk's Backend API
     * used in the handler, as in an admin's password reset or a sign-in token minted for a user the caller names).
     */
    function isPublicEndpoint(entry: EntryPoint): boolean {
      const segments = entryUrlSegments(entry);
      const last = [...segments].reverse().find((segment) => !segment.startsWith('['));
      if (last === undefined || !PUBLIC_BY_DESIGN_SEGMENTS.has(last.toLowerCase())) return false;
      if (segments.some((segment) => PRIVATE_PATH_SEGMENT.test(segment))) return false;
      const { range } = entry.fn;
      for (const [node, ref] of getClerkReferences(sourceCode).reads) {
        if (node.range[0] >= range[0] && node.range[1] <= range[1] && (ref.kind === 'clerkClient' || ref.kind === 'createClient')) return false;
      }
      return true;
    }

    /**
     * Whether the middleware protects this route, so that every finding the analysis could give here would be
     * dropped: without `checkMiddlewareOnly`, all but a null check that lets machine tokens through, which needs
     * `acceptsToken` in this file. Asked before analysing only when the middleware is already parsed (for an
     * earlier route of the app): an app whose routes all check the session never has its middleware parsed.
     */
    const middlewareAnswersAll = (): boolean => {
      if (options.checkMiddlewareOnly === true || mayAcceptMachineTokens(sourceCode.text)) return false;
      if (!middlewareAtHand(context, (setup as NonNullable<typeof setup>).settings)) return false;
      const verdict = coverage();
      return verdict.coverage === 'protected' && verdict.unreadable !== true;
    };

    return {
      Program() {
        if ((kind.appRoute || kind.pagesApi) && middlewareAnswersAll()) return;
        if (kind.appRoute) for (const entry of appRouteHandlers(sourceCode, setup.settings.authWrappers, kind.path)) check(entry);
        if (kind.pagesApi) {
          const entry = pagesApiHandler(sourceCode, setup.settings.authWrappers, kind.path);
          if (entry !== undefined) check(entry);
        }
      },
      CallExpression(call: TSESTree.CallExpression) {
        if (routerModule) {
          checkRouterRoute(call);
          return;
        }
        if (!nodeServer) return;
        const entry = nodeRouteHandler(
          call,
          sourceCode,
          getClerkReferences(sourceCode),
          setup.settings.authFunctions,
          setup.settings.authWrappers,
        );
        if (entry === undefined) return;
        const path = entry.name.slice(entry.name.indexOf(' ') + 1);
        if (publicRoutes.length > 0 && matchesAnyGlob(path, publicRoutes)) return;
        check(entry);
      },
    };
  },
});

/** Matches the file path as given, and from its `app/` or `pages/` folder on (so `src/` may be left out). */
function isPublicPath(path: string, globs: readonly string[]): boolean {
  const fromRouteRoot = /(?:^|\/)((?:app|pages)\/.*)$/u.exec(path)?.[1];
  return matchesAnyGlob(path, globs) || (fromRouteRoot !== undefined && matchesAnyGlob(fromRouteRoot, globs));
}
