// The run's results on the terminal (one line per finding, grouped by check), as JSON and as
// JUnit XML. Everything written goes through `redact` last: the XML is escaped first, then the
// whole text is redacted with the client's redaction, which knows every escaping the XML uses
// (&apos; &quot; &amp; &lt; &gt; and numeric references), so a key holding ' cannot survive as
// &apos; (issue 16 #13).

/** Groups identical findings (same check, expectation and answer) of several requests into one, with the count. */
export function groupFindings(findings) {
  const groups = new Map();
  for (const f of findings) {
    const key = `${f.check}|${f.operationId}|${f.where ?? ''}|${f.expected}|${f.came.replace(/\d{13}-[0-9a-f]{6}/g, '*')}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { ...f, count: 1 });
  }
  return [...groups.values()];
}

export function findingLine(f) {
  return `${f.request}${f.label ? ` [${f.label}]` : ''}: ${f.where ? `${f.where}: ` : ''}expected ${f.expected}, came ${f.came}${f.count > 1 ? ` (${f.count} requests)` : ''}`;
}

/** A clean-up entry that is not "verified gone": left, unknown, or another link's (foreign, left alone). */
export const cleanupProblem = (c) => c.state === 'left' || c.state === 'unknown' || c.state === 'foreign';

/** The terminal summary: findings by check, verdicts, clean-up, the totals with the seed. */
export function terminalSummary(result) {
  const lines = [];
  const groups = groupFindings(result.findings);
  for (const check of result.checks) {
    const mine = groups.filter((f) => f.check === check.name);
    if (!check.ran) continue;
    // What each check rests on: the requests sent for it (a response check: the answers it judged).
    const sent = check.requests === undefined ? '' : ` · ${check.requests} ${check.kind === 'response' ? 'answers judged' : 'requests'}`;
    if (!mine.length && check.requests === 0) lines.push(`– ${check.name}: nothing was sent for it (not exercised)`);
    else lines.push(mine.length ? `✖ ${check.name} (${mine.length})${sent}` : `✔ ${check.name}${sent}`);
    for (const f of mine.slice(0, 25)) lines.push(`    ${findingLine(f)}`);
    if (mine.length > 25) lines.push(`    and ${mine.length - 25} more (see --report)`);
  }
  const verdicts = result.inferences;
  if (verdicts.length) {
    const count = (v) => verdicts.filter((i) => i.verdict === v).length;
    lines.push('', `Inferences: ${count('confirmed')} confirmed, ${count('contradicted')} contradicted, ${count('not exercised')} not exercised (of ${verdicts.length})`);
    const idle = verdicts.filter((i) => i.verdict === 'not exercised');
    if (idle.length) {
      const byCheck = new Map();
      for (const i of idle) byCheck.set(i.check ?? 'any check', (byCheck.get(i.check ?? 'any check') ?? 0) + 1);
      lines.push(`  – not exercised by check: ${[...byCheck].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ')}`);
      lines.push(`    the list, with why each was not reached: ${result.reportFile ? result.reportFile : 'run again with --report FILE.json'} (inferences, verdict "not exercised")`);
    }
    for (const i of verdicts.filter((v) => v.verdict === 'contradicted')) {
      lines.push(`  ✖ contradicted: ${i.claim}`, `      server: ${i.evidence}`, `      edit: ${i.edit}`);
    }
  }
  if (result.cleanup) {
    lines.push('');
    const left = result.cleanup.filter(cleanupProblem);
    const deleted = result.cleanup.filter((c) => c.state === 'deleted');
    if (!left.length) lines.push(`✔ clean-up: nothing left behind (${result.cleanup.length} throwaway keys looked up${deleted.length ? `, ${deleted.length} links deleted there` : ''}, each verified absent)`);
    for (const c of left) lines.push(c.state === 'foreign' ? `✖ clean-up: ${c.resource} ${c.key}: ${c.detail}` : `✖ clean-up: ${c.resource} ${c.id ?? c.key} may be left behind: ${c.detail}; remove it with: ${c.remove}`);
  }
  return lines.join('\n');
}

const XML_ESCAPES = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (value) =>
  String(value)
    .replace(/[<>&"']/g, (c) => XML_ESCAPES[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * The JUnit XML. `redact` is applied to every value before it is escaped (so that a form of the
 * key the server echoed, such as &#39;, cannot become a new form once escaped); the caller
 * redacts the whole text again after.
 */
export function junit(result, redact = (text) => text) {
  const xml = (value) => escapeXml(redact(String(value)));
  const suites = [];
  const suite = (name, cases) => {
    const failures = cases.filter((c) => c.failure).length;
    const skipped = cases.filter((c) => c.skipped).length;
    suites.push(
      `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">\n` +
        cases
          .map(
            (c) =>
              `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}">` +
              (c.failure ? `\n      <failure message="${xml(c.failure.split('\n')[0])}">${xml(c.failure)}</failure>\n    ` : c.skipped ? `<skipped message="${xml(c.skipped)}"/>` : '') +
              '</testcase>',
          )
          .join('\n') +
        '\n  </testsuite>',
    );
  };
  const groups = groupFindings(result.findings);
  for (const check of result.checks.filter((c) => c.ran)) {
    const mine = groups.filter((f) => f.check === check.name);
    suite(check.name, mine.length ? mine.map((f) => ({ classname: f.operationId ?? check.name, name: f.label ?? f.request, failure: findingLine(f) })) : [{ classname: check.name, name: check.verifies }]);
  }
  if (result.inferences.length) {
    suite(
      'inferences',
      result.inferences.map((i) => ({
        classname: i.file,
        name: i.claim,
        ...(i.verdict === 'contradicted' ? { failure: `contradicted: ${i.evidence}\nedit: ${i.edit}` } : i.verdict === 'not exercised' ? { skipped: `not exercised: ${i.evidence}` } : {}),
      })),
    );
  }
  if (result.cleanup?.length) {
    suite('clean-up', result.cleanup.map((c) => ({ classname: c.resource, name: c.key, ...(cleanupProblem(c) ? { failure: c.remove ? `${c.detail}; remove it with: ${c.remove}` : c.detail } : {}) })));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="npm run contract" seed="${xml(result.seed)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** The JSON report; `redact` is applied to every string in it before it is serialised. */
export function json(result, redact = (text) => text) {
  return `${JSON.stringify(
    {
      baseUrl: result.baseUrl,
      spec: result.spec,
      seed: result.seed,
      replay: result.replay,
      kept: result.kept,
      requests: result.requests,
      stopped: result.stopped,
      timeMs: result.timeMs,
      checks: result.checks.map((c) => ({ name: c.name, verifies: c.verifies, ran: c.ran, requests: c.requests, findings: groupFindings(result.findings).filter((f) => f.check === c.name).map(({ pointers, ...f }) => ({ ...f, spec: pointers })) })),
      inferences: result.inferences,
      workflows: result.workflows,
      cleanup: result.cleanup,
      ...(result.proposals ? { proposals: result.proposals, departures: result.departures } : {}),
    },
    // The replay line comes redacted value by value (run.mjs): redacted whole, a key such as
    // `any-key` would mangle the flag --accepts-any-key.
    (name, value) => (typeof value === 'string' && name !== 'replay' ? redact(value) : value),
    2,
  )}\n`;
}
