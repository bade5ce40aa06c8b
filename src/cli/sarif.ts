/**
 * SARIF 2.1.0 output. The project's own `@microsoft/eslint-formatter-sarif` is used when it is installed there
 * (the same output as `eslint -f @microsoft/sarif`); otherwise this minimal writer produces the same shape:
 * one run, the rules with their descriptions and documentation links, one result per finding with its
 * physical location, and parse errors as tool execution notifications.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint, Rule } from 'eslint';

type RulesMeta = Record<string, Rule.RuleMetaData>;
type SarifFormatter = (results: ESLint.LintResult[], data: { cwd: string; rulesMeta: RulesMeta }) => string;

/** `@microsoft/eslint-formatter-sarif` as resolved from the project, or undefined when it is not installed. */
export function loadProjectSarifFormatter(projectDir: string): SarifFormatter | undefined {
  const require = createRequire(join(projectDir, 'package.json'));
  let path: string;
  try {
    path = require.resolve('@microsoft/eslint-formatter-sarif');
  } catch {
    return undefined;
  }
  const formatter: unknown = require(path);
  return typeof formatter === 'function' ? (formatter as SarifFormatter) : undefined;
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; index: number };
    region?: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
  };
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      informationUri: string;
      version: string;
      rules: { id: string; shortDescription?: { text: string }; helpUri?: string; properties?: Record<string, unknown> }[];
    };
  };
  artifacts: { location: { uri: string } }[];
  results: { level: 'error' | 'warning'; message: { text: string }; ruleId: string; ruleIndex: number; locations: SarifLocation[] }[];
  invocations: {
    executionSuccessful: boolean;
    toolExecutionNotifications: { level: 'error'; message: { text: string }; descriptor: { id: string }; locations: SarifLocation[] }[];
  }[];
}

export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: SarifRun[];
}

/**
 * The built-in writer. `rulesMeta` lists every rule that ran (by id), so that the log documents what was checked
 * even for rules without findings. The driver is named `ESLint`, as in Microsoft's formatter, so that code
 * scanning keeps tracking the same alerts whichever of the two produced the log.
 */
export function formatSarif(results: readonly ESLint.LintResult[], rulesMeta: RulesMeta, eslintVersion: string): string {
  const ruleIds = Object.keys(rulesMeta).sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const run: SarifRun = {
    tool: {
      driver: {
        name: 'ESLint',
        informationUri: 'https://eslint.org',
        version: eslintVersion,
        rules: ruleIds.map((id) => {
          const docs = rulesMeta[id]?.docs;
          return {
            id,
            ...(docs?.description === undefined ? {} : { shortDescription: { text: docs.description } }),
            ...(docs?.url === undefined ? {} : { helpUri: docs.url }),
          };
        }),
      },
    },
    artifacts: [],
    results: [],
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: [] }],
  };
  const invocation = run.invocations[0]!;
  for (const result of results) {
    const uri = pathToFileURL(result.filePath).href;
    const artifactIndex = run.artifacts.push({ location: { uri } }) - 1;
    for (const message of result.messages) {
      const location: SarifLocation = { physicalLocation: { artifactLocation: { uri, index: artifactIndex } } };
      if (message.line > 0) {
        location.physicalLocation.region = {
          startLine: message.line,
          startColumn: Math.max(message.column, 1),
          ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
          ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
        };
      }
      const index = message.ruleId === null ? undefined : ruleIndex.get(message.ruleId);
      if (message.ruleId === null || index === undefined) {
        // A parse error: the file was not checked. SARIF reports that as a notification, not a result.
        invocation.toolExecutionNotifications.push({
          level: 'error',
          message: { text: message.message },
          descriptor: { id: 'ESL0999' },
          locations: [location],
        });
        invocation.executionSuccessful = false;
        continue;
      }
      run.results.push({
        level: message.severity === 2 ? 'error' : 'warning',
        message: { text: message.message },
        ruleId: message.ruleId,
        ruleIndex: index,
        locations: [location],
      });
    }
  }
  const log: SarifLog = { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
