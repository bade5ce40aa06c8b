/** The `stylish` output of `clerk-lint`: findings grouped by rule, then a summary table. */
import { isAbsolute, relative, sep } from 'node:path';

import type { ESLint, Linter } from 'eslint';

/** The group of messages that are not rule findings: files ESLint could not parse, so could not check. */
export const PARSE_ERROR_GROUP = 'parse errors';

/**
 * Keeps the plugin's findings and parse errors. Everything else in a project linted without its own config is
 * noise: `eslint-disable` comments naming the project's other rules ("Definition for rule ... was not found"),
 * `eslint-env` comments, unused directives. ESLint's counts are recomputed to match.
 */
export function keepClerkMessages(result: ESLint.LintResult): ESLint.LintResult {
  const keep = (message: Linter.LintMessage) =>
    message.ruleId === null ? message.fatal === true && message.message.startsWith('Parsing error') : message.ruleId.startsWith('clerk/');
  const messages = result.messages.filter(keep);
  const count = (predicate: (message: Linter.LintMessage) => boolean) => messages.filter(predicate).length;
  return {
    ...result,
    messages,
    suppressedMessages: result.suppressedMessages.filter(keep),
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: count((message) => message.fatal === true),
    warningCount: count((message) => message.severity === 1),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}

export interface RuleSummary {
  rule: string;
  findings: number;
  files: number;
}

interface Finding {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface StylishContext {
  /** The working directory: paths are shown relative to it, so that terminals and editors can open them. */
  cwd: string;
  /** The audited folder, as shown in the closing line. */
  dirLabel: string;
  preset: string;
  fileCount: number;
}

export function displayPath(cwd: string, filePath: string): string {
  const path = relative(cwd, filePath);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? filePath : path.split(sep).join('/');
}

export function groupByRule(results: readonly ESLint.LintResult[], cwd: string): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const result of results) {
    const path = displayPath(cwd, result.filePath);
    for (const message of result.messages) {
      const rule = message.ruleId ?? PARSE_ERROR_GROUP;
      let group = groups.get(rule);
      if (group === undefined) groups.set(rule, (group = []));
      group.push({ path, line: message.line, column: message.column, message: message.message.replace(/\s*\n\s*/gu, ' ') });
    }
  }
  const order = (a: Finding, b: Finding) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column);
  for (const group of groups.values()) group.sort(order);
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function summarize(groups: ReadonlyMap<string, readonly Finding[]>): RuleSummary[] {
  return [...groups].map(([rule, findings]) => ({ rule, findings: findings.length, files: new Set(findings.map((finding) => finding.path)).size }));
}

export function formatStylish(results: readonly ESLint.LintResult[], context: StylishContext): string {
  if (context.fileCount === 0) return `Nothing to audit: no JavaScript or TypeScript files in ${context.dirLabel}\n`;
  const groups = groupByRule(results, context.cwd);
  const files = `${context.fileCount} ${context.fileCount === 1 ? 'file' : 'files'}`;
  const scope = `${files} in ${context.dirLabel} with the ${context.preset} preset`;
  if (groups.size === 0) return `No findings: linted ${scope}.\n`;
  const lines: string[] = [];
  for (const [rule, findings] of groups) {
    lines.push(`${rule} (${findings.length})`);
    const width = Math.max(...findings.map((finding) => location(finding).length));
    for (const finding of findings) lines.push(`  ${location(finding).padEnd(width)}  ${finding.message}`);
    lines.push('');
  }
  const summary = summarize(groups);
  const totalFindings = summary.reduce((sum, row) => sum + row.findings, 0);
  const filesWithFindings = results.filter((result) => result.messages.length > 0).length;
  const rows: [string, string, string][] = [
    ['Rule', 'Findings', 'Files'],
    ...summary.map((row): [string, string, string] => [row.rule, String(row.findings), String(row.files)]),
    ['Total', String(totalFindings), String(filesWithFindings)],
  ];
  const ruleWidth = Math.max(...rows.map(([rule]) => rule.length));
  const findingsWidth = Math.max(...rows.map(([, findings]) => findings.length));
  const filesWidth = Math.max(...rows.map(([, , count]) => count.length));
  const row = ([rule, findings, count]: [string, string, string]) =>
    `${rule.padEnd(ruleWidth)}  ${findings.padStart(findingsWidth)}  ${count.padStart(filesWidth)}`;
  lines.push(row(rows[0]!), `${'-'.repeat(ruleWidth)}  ${'-'.repeat(findingsWidth)}  ${'-'.repeat(filesWidth)}`);
  for (const entry of rows.slice(1, -1)) lines.push(row(entry));
  lines.push(`${'-'.repeat(ruleWidth)}  ${'-'.repeat(findingsWidth)}  ${'-'.repeat(filesWidth)}`, row(rows.at(-1)!), '');
  const findingsLabel = `${totalFindings} ${totalFindings === 1 ? 'finding' : 'findings'}`;
  lines.push(`${findingsLabel} in ${filesWithFindings} of ${scope}.`);
  return `${lines.join('\n')}\n`;
}

function location(finding: Finding): string {
  return `${finding.path}:${finding.line}:${finding.column}`;
}
