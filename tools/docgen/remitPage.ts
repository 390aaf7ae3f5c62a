/**
 * docs/remit.md: the `claimlint remit` command, its JSON contract, and the CARC/RARC table,
 * the last generated from src/core/data/remit/reasons.json so that the page cannot drift
 * from the data. Pure: scripts/gen-docs.js writes it, the docs drift test compares.
 */
import { adjustmentText, REASON_TABLE, type ReasonInfo } from '../../src/core';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rules = (r: ReasonInfo) => (r.rules?.length ? r.rules.map((id) => `[\`${id}\`](rules/${id}.md)`).join(', ') : '—');

function carcRow(r: ReasonInfo): string {
  const predicted = r.predictable === false ? `${rules(r)} (not predictable: never counted as missed)` : r.remarks ? `${rules(r) === '—' ? '' : `${rules(r)}; `}the rules of its remark codes` : rules(r);
  return `| ${r.code} | ${cell(r.description)} | ${predicted} | ${cell(r.why)} |`;
}

function rarcRow(r: ReasonInfo): string {
  return `| ${r.code} | ${cell(r.description)} | ${rules(r)} | ${cell(r.why)} |`;
}

/** The editor's diagnostic texts, written by the core's own function (no amount of the page's own). */
const EDITOR_EXAMPLES = {
  predicted: adjustmentText({ group: 'CO', reason: '97', amount: 27.72, explainedBy: ['ncci-modifier-missing'] }),
  unknowable: adjustmentText({ group: 'CO', reason: '45', amount: 20 }),
};

export function remitPage(): string {
  const t = REASON_TABLE;
  return `# What the payer said: \`npx claimlint remit\`

Auditors often work backwards from denials. An 835 (X12 005010X221A1, the electronic
remittance advice) says, for each claim and service line, what the payer paid and why it
adjusted the rest. \`npx claimlint remit\` reads 835s beside the claim files and shows each
decision next to the findings claimlint has on the same line: which denials a rule
predicted, which no claim file could show, and which no rule predicted yet.

\`\`\`sh
npx claimlint remit era/ claims/                                 # stylish, on the terminal
npx claimlint remit --format json -o remit.json era/march.835 claims/
npx claimlint remit --format html -o payer-report.html era/ claims/
\`\`\`

| Option | |
|---|---|
| \`-f, --format <name>\` | \`stylish\` (default), \`json\` (the contract below) or \`html\` (the audit report of the claim files with a "Payer decisions" section) |
| \`-o, --output <file>\` | write to this file (through a temporary file renamed at the end) instead of standard output |
| \`--force\` | replace an existing output file (without it an existing file is never replaced) |
| \`-c, --config <file>\` | the config for the claim files instead of the nearest \`.claimlintrc.yaml\` |

Inputs are files and folders. An 835 is recognised by its content (\`ISA\` … \`ST*835\`, read
with the separators its own ISA declares), whatever its name; in a folder every file is looked
at (not \`node_modules\` or \`.git\`). Everything else given is a claim file, and folders are
searched for \`*.claim.yaml\` as by \`npx claimlint\`. The claim files are audited exactly as
\`npx claimlint\` audits them (config, data packs, checks across a patient's claims over all the
files given), so a line's findings are the audit's own.

Exit codes: **0** it ran, whatever the payer decided; **2** a usage error, a malformed 835, or
a claim file, config or data pack that could not be read. On exit 2 nothing is written, and
the message names the file, the segment number and the element (\`era/march.835: segment 22
(SVC), element SVC03: the line payment (SVC03) is not an amount\`), never a value.

## Patient data

An 835 names the patient (\`NM1*QC\`) and the subscriber with their member id (\`NM1*IL\`).
claimlint never reads them: those segments are skipped unread, so no name or member id can
reach any output, message or file. What the output holds is the claim id (\`CLP01\`, the id
the claim was sent with), codes, amounts, remark codes and rule ids.

## Reading an 835

- Envelopes: each \`ISA\` declares its separators (a file may hold several interchanges with
  different ones); \`SE01\`, \`GE01\` and \`IEA01\` counts are checked, control numbers compared
  (a mismatch is a warning). The same reader as \`npx claimlint import\` for 837s.
- \`CLP\`: claim id (CLP01), status (CLP02: 1 primary, 4 denied, 22 reversal …), charge and
  payment. \`CAS\` after it and before any \`SVC\` is claim level; \`MOA\` remark codes are the
  claim's; \`DTM*232\` is the claim's date.
- \`SVC\`: code and modifiers (SVC01, or SVC06 — the code as billed — when the payer paid
  another), charge, payment, units (SVC05, 1 when absent); \`DTM*472\` its date; \`CAS\` its
  adjustments (group, reason, amount, quantity; up to six a segment); \`LQ*HE\` its remark codes.
- \`PLB\`: provider-level adjustments, not tied to a claim (reason and amount).

## Matching

- An 835 claim matches the claim whose \`id\` is its \`CLP01\`, and the claims the importer split
  by date (\`CLP01-YYYY-MM-DD\`, \`CLP01-YYYY-MM-DD-2\`).
- Each \`SVC\`, in the 835's order, takes the first line not yet matched with the same code
  and modifiers on its date (\`DTM*472\`, else the claim's \`DTM*232\`, else any), in the
  claims' order; failing that, the same code with other modifiers (a payer may return them
  changed). Repeated codes therefore pair up in order.
- An 835 claim no claim matches, and a service line no line matches, are listed in
  \`unmatched\` and still counted; nothing is dropped.

## What counts

- **Denied**: a line paid 0 with a CO or PI adjustment.
- **Explained**: a finding on the line, or on its claim outside the lines, is one of the
  rules the table maps one of the line's reasons to (for a generic reason — 16, 96, A1, 234,
  252 — also the rules of the line's remark codes).
- **Not predictable**: a denied line whose CO/PI reasons are all ones no claim file can show
  (table: "not predictable"; PR-1/2/3 patient share is never a billing error). Never counted as missed.
- **Not predicted** (missed): every other denied line: the to-do list for new rules, grouped by reason.
- **Denied as a whole**: an 835 claim paid 0 with a claim-level CO or PI adjustment (payers often
  deny a whole claim without line detail). Counted apart (\`deniedClaims\` …), explained by any
  finding on the claim, unpredictable or missed by the same rules.

## \`--format json\` (version 1)

A stable contract: keys may be added, never removed or renamed.

For the first claim of an 835 (abridged: one line, one reason of \`byReason\`):

\`\`\`json
{ "version": 1,
  "claims": [ { "id": "PCN-100", "clp01": "PCN-100", "file": "claims/visits.claim.yaml",
                "remit": "era/march.835", "status": "1", "charge": 227.72, "paid": 150,
                "adjustments": [], "remarks": [], "explainedBy": [], "denied": false,
                "lines": [ { "line": 2, "code": "97140", "modifiers": ["GP"],
                             "charge": 27.72, "paid": 0, "units": 1,
                             "adjustments": [ { "group": "CO", "reason": "97", "amount": 27.72,
                                                "explainedBy": ["ncci-modifier-missing"] } ],
                             "remarks": ["M80"], "findings": ["ncci-modifier-missing"],
                             "explainedBy": ["ncci-modifier-missing"], "denied": true,
                             "segment": 22 } ],
                "segment": 13 } ],
  "unmatched": [ { "clp01": "PCN-200", "remit": "era/march.835", "line": 2, "code": "97035", "segment": 38 },
                 { "clp01": "PCN-999", "remit": "era/march.835", "segment": 57 } ],
  "providerAdjustments": [ { "remit": "era/march.835", "reason": "WO", "amount": 12.5, "segment": 65 } ],
  "summary": { "deniedLines": 4, "explainedLines": 1, "unknowableLines": 2, "missedLines": 1,
               "deniedClaims": 0, "explainedClaims": 0, "unknowableClaims": 0, "missedClaims": 0,
               "adjustedAmount": 287.72, "explainedAmount": 27.72, "deniedAmount": 217.72,
               "providerAdjustmentAmount": 12.5,
               "byReason": [ { "reason": "CO-45", "group": "CO", "code": "45", "short": "contractual write-down",
                               "lines": 3, "deniedLines": 1, "explainedLines": 0, "amount": 90,
                               "claims": 0, "predictable": false } ],
               "missedByReason": [ { "reason": "CO-151", "short": "too many services", "lines": 1, "claims": 0, "amount": 50 } ] } }
\`\`\`

- \`claims\`: one entry per 835 claim and matched claim. \`file\` is the claim file (null when
  unmatched), \`remit\` the 835. When a \`CLP01\` matches several claims split by date, each gets
  an entry with its own lines, \`part: { index, of }\`, and \`charge\`/\`paid\` summed over its
  lines; the claim-level adjustments go on the first.
- \`lines[].line\`: the service line in the claim, from 1; null when no line matched.
  \`findings\`: the rules that fired on that line; \`explainedBy\`: those whose finding (on the
  line or its claim) predicts one of its reasons; per adjustment too.
- \`unmatched[].line\`: the service line's place in the 835 claim, from 1 (absent: the claim).
- \`segment\`: the segment number in the 835 (CLP, SVC, PLB), for finding it in the file.
- Amounts are dollars as the 835 gives them. \`adjustedAmount\`: every CAS amount, line and
  claim level, all groups; \`deniedAmount\` / \`explainedAmount\`: the adjustments of the denied /
  explained denied lines.

## The HTML report

\`--format html\` writes the audit report of the claim files (as \`npx claimlint --format html\`)
with a **Payer decisions** section: the denied lines, how many claimlint explained (count,
share of the denied lines and of those a rule could predict, dollars), the lines no claim file
could explain, the amounts adjusted by group, a chart of denials by reason (explained ones
drawn over them), a table of every reason with its lines and amount, and the denied lines no
rule predicted, grouped by reason.

## In the editor

When the workspace holds an 835 (a \`.835\`, \`.era\`, \`.edi\`, \`.x12\` or \`.txt\` file, any case,
that starts \`ISA\` … \`ST*835\`; not under \`node_modules\` or \`.git\`; never in Restricted Mode),
the language server joins it to the open claim files, as \`npx claimlint remit\` does:

- Every service line the payer adjusted gets an **information** diagnostic on its code, with
  source \`claimlint-remit\` (type it in the Problems panel's filter to see only these, or
  \`!claimlint-remit\` to hide them) and the first reason as its code:
  \`Payer: ${EDITOR_EXAMPLES.predicted}\`.
  A reason no claim file can show says so:
  \`Payer: ${EDITOR_EXAMPLES.unknowable}\`.
  Claim-level adjustments (\`Payer, whole claim: CO-29 …\`), and an 835 line that matches no
  line of the claim, go on the claim's \`id\`.
- The hover on a service line (its code or any field of it) tells the decision: paid or denied,
  the amounts, each reason with its group and X12 description, the remark codes with theirs,
  and the rule that predicted it (or the rules that could have). On the claim's \`id\`: the
  claim's status and claim-level reasons.
- **claimlint: Show Audit Summary** gains the **Payer decisions** section of the HTML report,
  over the claim files it covers (a folder's summary counts only the payments of its claims).
- The 835s are watched: a changed, added or deleted 835 updates the open claim files at once;
  **Audit All Claim Files in the Workspace** puts the decisions on unopened files too.
- A malformed 835 is named once in a warning (its path, the segment and element, never a
  value) and contributes nothing; the audit and the other 835s go on.

The 835 reader and the reason table are loaded by the language server only when the workspace
has a candidate file (from \`dist/importers.js\`). Nothing of \`NM1*QC\` / \`NM1*IL\` is read, so
no diagnostic, hover or summary can hold a patient's name or member id.

## Reason codes claimlint maps

Descriptions from the X12 code lists: [${t.sources.carc.title}](${t.sources.carc.url}),
[${t.sources.rarc.title}](${t.sources.rarc.url}). The table is data
(\`src/core/data/remit/reasons.json\`); this page is generated from it (\`npm run gen:docs\`).
A reason not listed is shown with its code and counted as a denial no rule predicted.

### Claim adjustment reason codes (CARC)

| CARC | X12 description | Predicted by | Why |
|---|---|---|---|
${t.carc.map(carcRow).join('\n')}

### Remittance advice remark codes (RARC), for the generic reasons

| RARC | X12 description | Predicted by | Why |
|---|---|---|---|
${t.rarc.map(rarcRow).join('\n')}

### Group codes (CAS01)

${Object.entries(t.groups)
  .map(([g, name]) => `- **${g}**: ${name}`)
  .join('\n')}
`;
}
