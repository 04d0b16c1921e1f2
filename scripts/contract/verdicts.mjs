// A verdict on every inference the spec marks (x-partnero-inferred), from what the checks
// observed at the element it sits on (or inside it): contradicted when any observation there
// broke it, confirmed when some held and none broke, not exercised when nothing reached it.
// An entry's `check:` restricts the evidence to that check's observations.

export function createObservations() {
  const byPointer = new Map();
  return {
    /** `change`: the schema edit the observation supports ({ at, drop, why }), for --propose. */
    add(pointer, check, held, evidence, edit, change) {
      if (!pointer) return;
      const list = byPointer.get(pointer) ?? byPointer.set(pointer, []).get(pointer);
      // A few of each kind are evidence enough; the rest are counted (their changes kept).
      const same = list.find((o) => o.check === check && o.held === held);
      if (same) {
        same.count += 1;
        if (change && !same.changes.some((c) => c.at === change.at && c.drop.join() === change.drop.join())) same.changes.push(change);
        return;
      }
      list.push({ check, held, evidence, edit, count: 1, changes: change ? [change] : [] });
    },
    under(pointer) {
      const out = [];
      for (const [at, list] of byPointer) if (at === pointer || at.startsWith(`${pointer}/`)) out.push(...list.map((o) => ({ ...o, pointer: at })));
      return out;
    },
  };
}

/**
 * @param {{ id: string, pointer: string, claim: string, check?: string, file: string }[]} inferences
 * @param {ReturnType<typeof createObservations>} observations
 * @param {{ check: string, pointers?: string[], edit?: string, request: string, expected: string, came: string }[]} findings
 */
export function judgeInferences(inferences, observations, findings, { selected }) {
  const covers = (at, pointer) => pointer === at || pointer.startsWith(`${at}/`);
  return inferences.map((inference) => {
    // What is observed inside an element that has claims of its own is evidence for those, not
    // for a claim on an element around it: a key rule broken at .../properties/key says nothing
    // of a claim on the whole body (that a customer link takes no domain).
    const deeper = inferences.map((other) => other.pointer).filter((at) => at !== inference.pointer && covers(inference.pointer, at));
    const own = (o) => !deeper.some((at) => covers(at, o.pointer));
    // An operation's inference is judged by what was observed of the operation itself
    // (lifecycle, pagination, search, an inferred success status), not by the answers and
    // extensions inside it, each of which has its own inferences: a 422 seen says nothing of
    // "may be answered 200".
    const isOperation = /^#\/paths\/[^/]+\/(get|put|post|delete|patch)$/.test(inference.pointer);
    const relevant = observations
      .under(inference.pointer)
      .filter((o) => own(o) && (!inference.check || o.check === inference.check) && (!isOperation || !o.pointer.startsWith(`${inference.pointer}/`)));
    const broken = relevant.filter((o) => !o.held);
    const held = relevant.filter((o) => o.held);
    const base = { claim: inference.claim, file: inference.file, pointer: inference.pointer, ...(inference.check ? { check: inference.check } : {}) };
    if (inference.check && !selected(inference.check)) return { ...base, verdict: 'not exercised', evidence: `its check ${inference.check} did not run` };
    if (broken.length) {
      const first = broken[0];
      const finding = findings.find((f) => f.check === first.check && (f.pointers ?? []).some((p) => p === first.pointer || p.startsWith(`${inference.pointer}/`) || p === inference.pointer));
      const did = finding ? `${finding.request}: expected ${finding.expected}, came ${finding.came}` : first.evidence;
      const changes = [];
      for (const o of broken) for (const c of o.changes ?? []) if (!changes.some((d) => d.at === c.at && d.drop.join() === c.drop.join())) changes.push(c);
      return {
        ...base,
        verdict: 'contradicted',
        by: first.check,
        ...(changes.length ? { changes } : {}),
        evidence: `${first.check}: ${did}${first.count + broken.length > 2 ? ` (and ${first.count + broken.length - 2} more)` : ''}`,
        edit: `in ${inference.file}, at ${inference.pointer}: ${first.edit ?? finding?.edit ?? 'describe what the server did'}, and drop the x-partnero-inferred entry (the behaviour is observed now)`,
      };
    }
    if (held.length) {
      const count = held.reduce((sum, o) => sum + o.count, 0);
      return { ...base, verdict: 'confirmed', evidence: `${held[0].check}: ${held[0].evidence}${count > 1 ? ` (${count} observations)` : ''}` };
    }
    return { ...base, verdict: 'not exercised', evidence: 'no request of this run reached it' };
  });
}
