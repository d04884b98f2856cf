"""Reads schemathesis' JSON and NDJSON reports of a run and decides whether it passed.

Called by run.sh: `python summary.py JSON_REPORT NDJSON_REPORT MIN_CASES`. Prints, per operation,
the cases sent in each phase and the status codes answered, then the totals, and exits 1 with
one `problem: ...` line per reason when the run does not count as passed:
fewer than MIN_CASES generated cases, an operation not tested, a failure or an error reported,
or a warning that makes the run meaningless (401 everywhere, rate limited, wrong base URL).
The last line printed is `cases=N operations=M failures=F errors=E`, which run.sh repeats.
"""

import base64
import collections
import json
import sys

# Warnings that mean the run did not test what it claims to.
FATAL_WARNINGS = {
    "missing_auth": "answered 401/403 to every case (is the token accepted?)",
    "rate_limited": "answered 429 to most cases (is METIERS_API_RATE_LIMIT_PER_MINUTE=0 honoured?)",
    "base_url_mismatch": "answered 404 to every case (wrong base URL?)",
}


def where(message):
    """The lines of a failure's message that say what failed, without the schema and value."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    kept = lines[:1]
    for line in lines[1:]:
        if line.startswith(("Validated against", "Schema at")):
            kept.append(line.rstrip(":."))
    return "; ".join(kept)


def example(interaction):
    """The request of an interaction in one line, and the status it got."""
    request = interaction.get("request") or {}
    uri = request.get("uri", "?")
    line = f"{request.get('method', '?')} {uri[:300]}{'…' if len(uri) > 300 else ''}"
    body = request.get("body")
    if isinstance(body, dict) and "$base64" in body:
        try:
            body = base64.b64decode(body["$base64"]).decode("utf-8", "replace")
        except ValueError:
            body = "<binary>"
    if body is not None and body != "":
        body = str(body)
        body = body if body.isprintable() and body.strip() else repr(body)
        line += f" body {body[:200]}{'…' if len(body) > 200 else ''}"
    response = interaction.get("response")
    return f"{line} -> {response.get('status_code') if response else 'no response'}"


def per_operation(ndjson_path):
    """{label: {"phases": Counter(phase -> cases), "status": Counter(status -> cases)}}, and the
    failed checks grouped by kind: {(code, title, where): [count, {labels}, shortest example]}."""
    ops = collections.defaultdict(
        lambda: {"phases": collections.Counter(), "status": collections.Counter()}
    )
    failed = {}
    with open(ndjson_path, encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            finished = event.get("ScenarioFinished")
            if not finished:
                continue
            recorder = finished.get("recorder") or {}
            label = recorder.get("label")
            cases = recorder.get("cases") or {}
            if not label or not cases:
                continue
            op = ops[label]
            op["phases"][finished.get("phase", "?")] += len(cases)
            interactions = recorder.get("interactions") or {}
            for interaction in interactions.values():
                response = (interaction or {}).get("response")
                status = response.get("status_code") if response else "no response"
                op["status"][status] += 1
            for case_id, checks in (recorder.get("checks") or {}).items():
                for check in checks or []:
                    failure = ((check.get("failure_info") or {}).get("failure")) or {}
                    if check.get("status") != "failure" or not failure:
                        continue
                    key = (
                        failure.get("code", check.get("name")),
                        failure.get("title", ""),
                        where(failure.get("message") or ""),
                    )
                    entry = failed.setdefault(key, [0, set(), None])
                    entry[0] += 1
                    entry[1].add(failure.get("operation") or label)
                    if interactions.get(case_id):
                        request = example(interactions[case_id])
                        if entry[2] is None or len(request) < len(entry[2]):
                            entry[2] = request
    return ops, failed


def main():
    json_path, ndjson_path, min_cases = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(json_path, encoding="utf-8") as f:
        report = json.load(f)
    ops, failed = per_operation(ndjson_path)

    print("cases and status codes per operation:")
    width = max((len(label) for label in ops), default=0)
    for label in sorted(ops, key=lambda label: label.split(" ", 1)[::-1]):
        op = ops[label]
        phases = ", ".join(f"{phase} {n}" for phase, n in sorted(op["phases"].items()))
        status = " ".join(
            f"{code}×{n}" for code, n in sorted(op["status"].items(), key=lambda kv: str(kv[0]))
        )
        print(f"  {label:<{width}}  {sum(op['phases'].values()):>5} cases ({phases}); {status}")

    for label, op in sorted(ops.items()):
        fuzzed = op["phases"].get("fuzzing", 0)
        if 0 < fuzzed < 20:
            print(f"note: {label} got only {fuzzed} cases in the fuzzing phase")

    if failed:
        print("failed checks by kind (how many times, where, the shortest request that failed):")
        for (code, title, what), (count, labels, request) in sorted(failed.items()):
            print(f"  {code} {title}: {what} (×{count})")
            print(
                f"      in {', '.join(sorted(labels, key=lambda label: label.split(' ', 1)[::-1]))}"
            )
            if request:
                print(f"      e.g. {request}")

    problems = []
    cases = report["test_cases"]["generated"]
    operations = report["operations"]
    failures = report.get("failures") or []
    errors = report.get("errors") or []
    if operations["selected"] == 0:
        problems.append("the OpenAPI document has no operation")
    if operations["tested"] < operations["selected"]:
        problems.append(
            f"{operations['tested']} of {operations['selected']} operations tested "
            f"({operations['errored']} errored, {operations['skipped']} skipped)"
        )
    for failure in failures:
        problems.append(
            f"{failure['code']} {failure['title']} ({failure.get('count', '?')}×): "
            + ", ".join(failure.get("operations") or [])
        )
    for error in errors:
        problems.append(f"error: {json.dumps(error, ensure_ascii=False)[:300]}")
    for kind, meaning in FATAL_WARNINGS.items():
        labels = (report.get("warnings") or {}).get(kind) or []
        if labels:
            problems.append(f"{', '.join(labels)} {meaning}")
    if cases < min_cases:
        problems.append(f"only {cases} cases generated, fewer than the {min_cases} required")
    if not report.get("complete", True):
        problems.append(f"the run stopped early: {report.get('stop_reason')}")

    for problem in problems:
        print(f"problem: {problem}")
    print(
        f"cases={cases} operations={operations['tested']}/{operations['selected']} "
        f"failures={sum(f.get('count', 1) for f in failures)} errors={len(errors)}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
