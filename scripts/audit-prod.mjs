#!/usr/bin/env node
/**
 * `npm audit --omit=dev --audit-level=high`, told apart from "the audit could not run".
 *
 * Exit 0: no high or critical advisory in production dependencies.
 * Exit 1: there is one (each is listed).
 * Exit 0 with a loud NOT AUDITED line when the registry has no advisory endpoint (some mirrors
 * answer 405) or cannot be reached: nothing was checked, and the line says so. Set
 * EARMARK_AUDIT_REQUIRED=1 to make that an error too (exit 2).
 */
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = { message: (run.stderr || run.stdout || 'no output').trim().split('\n').pop() };
}

const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = report.error?.summary || report.message || report.error?.detail || 'unknown error';
  console.log(
    `audit: NOT AUDITED: npm audit could not run (${why}); production dependencies were not checked`,
  );
  process.exit(process.env.EARMARK_AUDIT_REQUIRED === '1' ? 2 : 0);
}

const serious = Object.values(report.vulnerabilities ?? {}).filter((v) =>
  ['high', 'critical'].includes(v.severity),
);
for (const v of serious)
  console.log(
    `audit: ${v.severity}: ${v.name} ${v.range} (${v.fixAvailable ? 'fix available' : 'no fix yet'})`,
  );
console.log(
  `audit: production dependencies: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
    `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
process.exit(serious.length > 0 ? 1 : 0);
