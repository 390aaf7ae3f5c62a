/**
 * The sources behind claimlint's billing facts: every key that a citation in the data, a
 * rule's metadata, a hover or SARIF can name ("[S17]", "[S-web …]", "billing-rules §13.2")
 * has one entry here. `npm run gen:docs` writes docs/sources.md from this list plus, for
 * each source, what in claimlint cites it (read from the data tables and rule metadata),
 * and test/unit/sources.test.ts fails when a cited key has no entry or a link has no anchor.
 *
 * The S-numbers and sections are those of claimlint's research report on outpatient therapy
 * billing (the "billing-rules" reference; its §11 lists the sources, its §13 the 2026-11
 * corrections). The CMS primary files (manuals, PTP/MUE tables, RVU file) could not be
 * opened when it was written; entries say which pages were read instead.
 */

export type SourceKind = 'cms' | 'association' | 'secondary' | 'web' | 'repository' | 'billing-rules';

export interface SourceEntry {
  /** "S17", "S-web", "billing-rules §13.2" (see core/sources.ts for how citations name them). */
  key: string;
  kind: SourceKind;
  publisher: string;
  title: string;
  /** As the source states it; "not stated" when it gives none. */
  date: string;
  urls: string[];
  /** What claimlint facts it supports, in words. */
  supports: string;
  /** For a section of the billing-rules reference: the sources it rests on (keys, linked on the page). */
  basedOn?: string;
}

export const KIND_HEADING: Record<SourceKind, string> = {
  cms: 'CMS, Medicare contractors (MACs) and government pages',
  association: 'Professional associations',
  secondary: 'Secondary pages quoting or restating CMS',
  web: 'Other web pages (low weight)',
  repository: 'Public repositories',
  'billing-rules': "Sections of claimlint's billing-rules reference",
};

const BR = "claimlint's billing-rules reference (the research report behind the data; 2026-11 corrections in §13)";

export const SOURCES: readonly SourceEntry[] = [
  { key: "S1", kind: "cms", publisher: "First Coast", title: "Counting units for therapy services", date: "last modified 9 Apr 2024", urls: ["https://medicare.fcso.com/Rehabilitation_services/0508065.asp"],
    supports: "The 8-minute rule and how units are counted (CMS Pub 100-04 ch. 5 §20.2 restated by a MAC); FCSO rejects claims that split one timed code over several lines (timed-code-split-lines); timing of codes such as 97110." },
  { key: "S2", kind: "secondary", publisher: "ChiroCode", title: "Medicare Definition of Timed Codes", date: "not stated", urls: ["https://www.chirocode.com/article.html?id=25388"],
    supports: "The wording of Pub 100-04 ch. 5 §20.2 C on timed codes (the 8-minute rule and remaining minutes)." },
  { key: "S3", kind: "secondary", publisher: "FindACode", title: "Documentation Requirements for Therapy Services", date: "not stated", urls: ["https://www.findacode.com/articles/documentation-requirements-for-therapy-services-26634.html"],
    supports: "The CMS worked examples 1–4 of the 8-minute rule, used as test cases." },
  { key: "S4", kind: "repository", publisher: "RonCom/policy-rag (GitHub)", title: "Gold answers in eval/questions.jsonl, checked against CMS Ch. 5, BPM Ch. 15 and NCCI Ch. 1 and 11", date: "not stated", urls: ["https://github.com/RonCom/policy-rag"],
    supports: "Answers checked against the CMS manuals (Pub 100-04 ch. 5, BPM ch. 15, NCCI Policy Manual ch. 1 and 11), cited by question number (q12 KX, q13 review threshold, q16–q19 plan of care, certification and progress reports, q31–q33 MUEs, q34 X modifiers, q37–q39 NCCI)." },
  { key: "S5", kind: "secondary", publisher: "AAPC forum", title: "Quoting Ch. 5 §20.2", date: "not stated", urls: ["https://aapc.com/discuss/threads/97760-add-on-code-time-requirement.102577"],
    supports: "A quotation of Ch. 5 §20.2 on add-on time; the timing of 97760." },
  { key: "S6", kind: "secondary", publisher: "Mediware blog", title: "The three scenarios for 7 minutes or less", date: "2012", urls: ["https://www.mediware.com/rehabilitation/blog/can-i-bill-for-less-than-eight-minutes-of-service-provided-a-refresher-discussion/"],
    supports: "What may be billed when a service lasts 7 minutes or less." },
  { key: "S7", kind: "secondary", publisher: "Chiropractic Economics", title: "Time-based codes", date: "not stated", urls: ["http://www.chiroeco.com/magzine/time-based-codes/?redirect"],
    supports: "Time-based codes (background)." },
  { key: "S8", kind: "secondary", publisher: "PhysicalTherapy.com", title: "CMS 33/7 example", date: "not stated", urls: ["https://physicaltherapy.com/ask-the-experts/billing-example-using-8-minute-2814"],
    supports: "The CMS 33/7 example; the timed total is for a single discipline (per-discipline pools, billing-rules §13.2)." },
  { key: "S9", kind: "secondary", publisher: "Unknown", title: "Therapy units cheat sheet", date: "not stated", urls: ["https://register.tahoexc.org/sheet/therapy-units-cheat-sheet.html"],
    supports: "The result of CMS Example 4; timing of ultrasound (97035)." },
  { key: "S10", kind: "cms", publisher: "NGS (Medicare contractor)", title: "Counting Units for Therapy Codes", date: "not stated", urls: ["https://ngsmedicare.com/web/ngs/physical-therapy/occupational-therapy/speech-therapy?selectedArticleId=1502864"],
    supports: "Counting units for therapy codes (a MAC billing guide)." },
  { key: "S11", kind: "association", publisher: "AOTA", title: "Timed Codes: the 8-minute rule", date: "not stated", urls: ["https://staging.aota.org/practice/practice-essentials/coding/timed-codes"],
    supports: "AOTA's statement of the 8-minute rule for OT." },
  { key: "S12", kind: "secondary", publisher: "documentine", title: "Medicare unit billing minutes", date: "not stated", urls: ["https://documentine.com/medicare-unit-billing-minutes.html"],
    supports: "The \"15-minute average\" sentence and CMS Example 1." },
  { key: "S13", kind: "secondary", publisher: "WebPT Help", title: "8-Minute Rule vs. the Rule of 8s", date: "not stated", urls: ["https://help.emr.webpt.com/article/1142-8-minute-rule-vs-the-rule-of-8s"],
    supports: "The CPT midpoint rule (\"rule of eights\") compared with the CMS total-time rule (timed-units-per-code)." },
  { key: "S14", kind: "secondary", publisher: "Kohler Healthcare Consulting", title: "CPT time conventions (midpoint)", date: "not stated", urls: ["https://www.kohlerhealthcareconsulting.com/using_time_to_code_e_m.html"],
    supports: "The CPT midpoint time convention (timed-units-51-percent)." },
  { key: "S15", kind: "secondary", publisher: "UTHealth MSHBC", title: "Calculating Time", date: "not stated", urls: ["https://med.uth.edu/mshbc/coding-compliance-overview/calculating-time"],
    supports: "The midpoint rule against the CMS 8-minute rule; what 97110, 97116, 97140 and 97530 cover (exercise-vs-activity)." },
  { key: "S16", kind: "secondary", publisher: "Blue Cross of Idaho", title: "Billing Timed Procedures", date: "not stated", urls: ["https://www.bcidaho.com/providers/Policies/pap228.asp"],
    supports: "A commercial payer table for timed procedures (background for the per-code rule)." },
  { key: "S17", kind: "association", publisher: "ASHA", title: "Medicare CPT Coding Rules for SLP Services. ; Timed/Untimed FAQs", date: "not stated", urls: ["https://www.asha.org/practice/reimbursement/medicare/SLP_coding_rules/", "http://www.asha.org/practice/reimbursement/coding/TimedCodesFAQs.htm"],
    supports: "ASHA's Medicare coding rules for SLP services: which SLP codes are timed or untimed, the 51% rule for hour-based codes, GN locks (codes 92507–96125, timed-units-51-percent, untimed-units)." },
  { key: "S18", kind: "secondary", publisher: "WebPT", title: "Physical Therapists' Guide to the 8-Minute Rule", date: "not stated", urls: ["https://www.webpt.com/8-minute-rule"],
    supports: "Timed and untimed PT codes and their descriptions (code catalogue); 97014 → G0283 for Medicare (code-not-payable)." },
  { key: "S19", kind: "secondary", publisher: "Meyer PT", title: "Codes 101", date: "not stated", urls: ["http://news.meyerpt.com/physical-therapists/misc/codes-101-8-minute-rule-time-based-cpt-codes/"],
    supports: "Timed and untimed PT codes (code catalogue, group therapy 97150)." },
  { key: "S20", kind: "secondary", publisher: "PT Medical Billing", title: "97129/97130 new 2020", date: "2020", urls: ["https://ptmedicalbilling.com/post/occupational-therapy-new-2020-codes"],
    supports: "97129/97130 (cognitive intervention) from 2020 (code catalogue)." },
  { key: "S21", kind: "secondary", publisher: "McKnight's", title: "Cognitive coding 2020", date: "2020", urls: ["https://www.mcknights.com/blogs/rehab-realities/cognitive-coding-cpt-updates-for-2020/"],
    supports: "Cognitive-intervention coding from 2020 (97129/97130)." },
  { key: "S22", kind: "cms", publisher: "Palmetto GBA (Medicare contractor)", title: "Hot or Cold Packs: Bundling Denials", date: "not stated", urls: ["https://www.palmettogba.com/palmetto/jjb.nsf/DID/8EELLZ1747"],
    supports: "97010 (hot/cold packs) has Medicare status B, bundled (code-not-payable)." },
  { key: "S23", kind: "secondary", publisher: "Post-Acute Advisor", title: "CR 10176 discipline-specific codes", date: "not stated", urls: ["https://postacuteadvisor.blr.com/2017/08/23/cms-scrutiny-of-updates-to-part-b-therapy-coding-to-begin-in-january-2018/"],
    supports: "CR 10176: \"always therapy\" codes and the discipline-locked codes (GN-only SLP evaluations, etc.) (therapy-modifier-missing, -mismatch, -conflict; code catalogue)." },
  { key: "S24", kind: "cms", publisher: "CMS (copy)", title: "Transmittal 3814 / CR 10176, Updated Editing of Always Therapy Services", date: "effective 1 Jan 2018", urls: ["https://info.5y1.org/ot-cpt-codes-full-list_1_d17918.html"],
    supports: "Transmittal 3814 / CR 10176, effective 1 January 2018: the editing of always-therapy services and their GP/GO/GN modifiers." },
  { key: "S25", kind: "cms", publisher: "WPS (Medicare contractor)", title: "Outpatient Therapy Code Modifiers", date: "not stated", urls: ["http://www.wpsmedicare.com/j5macpartb/resources/modifiers/therapymodifiers.shtml"],
    supports: "The therapy modifiers GP, GO and GN and when each is required (modifier table)." },
  { key: "S26", kind: "secondary", publisher: "Ovid / journal FAQ", title: "Medicare Is Enforcing the Use of Modifiers for Always Therapy Services", date: "not stated", urls: ["https://insights.ovid.com/pubmed?PMID=29240591"],
    supports: "Medicare enforces GP/GO/GN on always-therapy services (therapy-modifier-missing, -conflict)." },
  { key: "S27", kind: "secondary", publisher: "Provider Magazine", title: "Always therapy", date: "2017", urls: ["https://www.providermagazine.com/Articles/Guest-Columns/Pages/New-Part-B-Evaluation-Codes-For-Therapy-Services-in-2017.aspx"],
    supports: "The 2017 PT/OT evaluation codes (97161–97168) are \"always therapy\" and discipline-locked." },
  { key: "S28", kind: "cms", publisher: "CMS", title: "Billing Examples Using CQ/CO Modifiers for Services Furnished In Whole or In Part by PTAs and OTAs", date: "not stated", urls: ["https://cms.gov/medicare/coding-billing/therapy-services/billing-examples-using-cq/co-modifiers-services-furnished-whole-or-part-ptas-and-otas"],
    supports: "CMS billing examples for CQ/CO: when an assistant furnished a service in whole or in part, the 10% de minimis standard and the CY 2022 per-unit method (assistant-modifier-missing, -unsupported, -mismatch; assistant payment rate)." },
  { key: "S29", kind: "association", publisher: "APTA Maryland", title: "Payment and policy for PTAs", date: "not stated", urls: ["https://aptamd.org/payment-and-policy-for-ptas"],
    supports: "The 10% de minimis standard and the reduced payment rate of CQ/CO lines (assistant rules, KX accrual, pricing)." },
  { key: "S30", kind: "secondary", publisher: "TherapyComply", title: "CY 2022 CQ/CO rule (9–14 minute exception, Example A)", date: "2022", urls: ["https://therapycomply.com/Medicare/Outpatient-Therapy/PTA-and-OTA-Modifiers/2022-Rule"],
    supports: "The CY 2022 CQ/CO rule: the 9–14-minute two-unit exception and Example A (assistant rules)." },
  { key: "S31", kind: "secondary", publisher: "MediClaim Services", title: "Quick Guide to PTA modifier (per-unit de minimis)", date: "not stated", urls: ["https://mediclaimservices.com/our-coding-blog/quick-guide-to-pta-modifier"],
    supports: "The de minimis standard applied per unit; CQ goes with GP (assistant rules)." },
  { key: "S32", kind: "association", publisher: "APTA (copy)", title: "Quick Guide to Using the PTA Modifier", date: "not stated", urls: ["https://pdf4pro.com/amp/view/quick-guide-to-using-the-pta-modifier-7774fc.html"],
    supports: "APTA's quick guide to the PTA modifier (background for the assistant rules)." },
  { key: "S33", kind: "secondary", publisher: "WebPT", title: "Modifier Mayhem", date: "not stated", urls: ["https://www.webpt.com/blog/modifier-mayhem-how-to-apply-physical-therapy-modifiers-with-examples/"],
    supports: "A PTA/PT 97110/97140 scenario for CQ (assistant-modifier-missing)." },
  { key: "S34", kind: "secondary", publisher: "Unknown (scraped copy)", title: "\"CQ and CO Modifiers 2022\" (an article with the CMS scenario, at an unrelated address)", date: "2022", urls: ["https://www.map-france.com/Croissy-sur-Seine-78290/population-Croissy-sur-Seine.html"],
    supports: "The CMS CQ/CO scenario; CQ with GP, CO with GO (assistant-modifier-mismatch)." },
  { key: "S35", kind: "secondary", publisher: "Montero Therapy Services", title: "CO/CQ what/when/how", date: "not stated", urls: ["https://www.monterotherapyservices.com/info-blast/co-cq-therapy-modifiers-what-when-where-why-and-how"],
    supports: "When CO/CQ apply (background)." },
  { key: "S36", kind: "secondary", publisher: "PT Management", title: "CQ/CO rules and examples (note: its 88% figure is out of date)", date: "not stated", urls: ["https://pt-management.com/blog/cq-co-modifier-addition-rules-and-examples/"],
    supports: "CQ/CO rules and examples (its 88% figure is out of date; claimlint uses the rate CMS states)." },
  { key: "S37", kind: "cms", publisher: "NGS (Medicare contractor)", title: "KX Modifier on Outpatient PT, OT or SLP Claims, Calendar Year 2024", date: "2024", urls: ["https://ngsmedicare.com/web/ngs/news-article-details?selectedArticleId=10703808"],
    supports: "The KX thresholds and the targeted medical review threshold (kx-modifier-missing, kx-modifier-premature, kx-review-threshold; KX table)." },
  { key: "S38", kind: "cms", publisher: "Noridian (Medicare contractor)", title: "Per-Beneficiary KX Modifier Thresholds", date: "not stated", urls: ["https://med.noridianmedicare.com/web/jea/provider-types/outpatient-therapy/per-beneficiary_kx_modifier_thresholds"],
    supports: "The per-beneficiary KX thresholds 2022–2024 (KX table)." },
  { key: "S39", kind: "secondary", publisher: "TherapyComply", title: "KX table 2021–2023", date: "2021", urls: ["https://therapycomply.com/Medicare/billing-and-coding/KX-Modifier-Targeted-Review"],
    supports: "The KX thresholds 2021–2023 (KX table)." },
  { key: "S40", kind: "secondary", publisher: "Secondary billing sites (prombs, ProactiveChart, Athelas)", title: "The 2025 KX threshold", date: "2025", urls: ["https://prombs.com/telehealth-pt-through-sept30-2025-thresholds-kx", "https://www.proactivechart.com/resources/kx-modifier-therapy-2025", "https://docs.athelas.com/insights_provider/chart_notes/auto_apply_kx_modifier"],
    supports: "The 2025 KX threshold (secondary sources; KX table)." },
  { key: "S41", kind: "secondary", publisher: "Secondary billing sites (ProactiveChart, PostAcuteTools, ALS Integrated Services)", title: "The 2026 KX threshold and 2026 changes", date: "2026", urls: ["https://proactivechart.com/resources/medicare-2026-physical-therapy-payment-cuts", "https://postacutetools.com/guides/the-kx-threshold-and-modifier", "https://alsintegratedsvc.com/beyond-the-2480-threshold-mastering-the-kx-modifier-in-2026/"],
    supports: "The 2026 KX threshold and other 2026 changes (secondary sources; KX table, assistant rate unchanged in 2026)." },
  { key: "S42", kind: "secondary", publisher: "MEHCA", title: "2024 KX amounts", date: "2024", urls: ["https://www.mehca.org/blog_home.asp?Display=1384"],
    supports: "The 2024 KX amounts (KX table)." },
  { key: "S43", kind: "secondary", publisher: "DecisionHealth Part B News", title: "2026 conversion factor table (with 2025)", date: "2026", urls: ["https://pbn.decisionhealth.com/Articles/Detail.aspx?id=549945"],
    supports: "The 2025 and 2026 PFS conversion factors (fee table)." },
  { key: "S44", kind: "secondary", publisher: "AAMC", title: "CY 2026 PFS final rule summary", date: "2026", urls: ["https://www.aamc.org/advocacy-policy/washington-highlights/cms-releases-2026-medicare-physician-fee-schedule-quality-payment-program-rule"],
    supports: "The CY 2026 PFS final rule (fee table)." },
  { key: "S45", kind: "secondary", publisher: "Becker's", title: "CMS finalizes 2026 physician fee schedule: 12 notes", date: "2026", urls: ["https://www.beckershospitalreview.com/finance/cms-finalizes-2026-physician-fee-schedule-12-notes"],
    supports: "Notes on the CY 2026 PFS final rule (fee table)." },
  { key: "S46", kind: "secondary", publisher: "PayerReady code pages", title: "PayerReady code pages (2026 RVUs, MUEs)", date: "2026", urls: ["https://payerready.com/codes/cpt/97530", "https://payerready.com/codes/cpt/97110", "https://payerready.com/codes/cpt/97112"],
    supports: "2026 RVUs and MUEs of 97530, 97110 and 97112 (fee and MUE tables)." },
  { key: "S47", kind: "secondary", publisher: "ImmediCare wiki", title: "ImmediCare wiki", date: "not stated", urls: ["https://immedicaresolutions.com/wiki/97530", "https://immedicaresolutions.com/wiki/97140", "https://immedicaresolutions.com/wiki/97010"],
    supports: "97530, 97140 and 97010 (code catalogue, code-not-payable)." },
  { key: "S48", kind: "secondary", publisher: "Mira Health reference", title: "Mira Health reference", date: "not stated", urls: ["https://mirahealth.care/reference/cpt/97140", "https://mirahealth.care/reference/cpt/97150"],
    supports: "97140 and 97150 (code catalogue)." },
  { key: "S49", kind: "association", publisher: "APTA", title: "Correct Coding Initiative page (2020 update)", date: "2020", urls: ["https://www.apta.org/your-practice/payment/coding-billing/correct-coding-initiative-cci"],
    supports: "APTA's Correct Coding Initiative page: NCCI pairs among therapy codes (ncci-modifier-missing; NCCI table)." },
  { key: "S50", kind: "association", publisher: "APTA", title: "NCCI Code Edits: Your Questions Answered", date: "16 Jan 2020", urls: ["https://apta.org/news/2020/01/16/ncci-code-edits-your-questions-answered"],
    supports: "How NCCI procedure-to-procedure edits and modifier indicators work (ncci-pair-denied, ncci-modifier-missing)." },
  { key: "S51", kind: "secondary", publisher: "Casamba", title: "January 2020 NCCI edits", date: "2020", urls: ["https://casamba.net/blog/updated-cms-implements-surprise-coding-edits-effective-january-1/"],
    supports: "The January 2020 NCCI edits for therapy codes (NCCI table; athletic-trainer evaluations)." },
  { key: "S52", kind: "secondary", publisher: "Elite CME", title: "January 2020 edits and the October 2020 reinstatement", date: "2020", urls: ["https://www.elitecme.com/resource-center/rehabilitation-therapy/occupational-therapy/sudden-ncci-edits-for-physical-and-occupational-therapy/", "https://www.elitecme.com/resource-center/health-systems-management/cms-reverses-position-will-reinstitute-damaging-coding-edits-on-october-1-2020/"],
    supports: "The January 2020 NCCI edits and their October 2020 reinstatement; re-evaluation pairs (NCCI table)." },
  { key: "S53", kind: "association", publisher: "AOTA", title: "NCCI Quarterly Edits Posted", date: "Oct 2020", urls: ["https://aota.org/advocacy/advocacy-news/2020/ncci-quarterly-edits-posted"],
    supports: "The October 2020 NCCI quarterly edits (NCCI table)." },
  { key: "S54", kind: "secondary", publisher: "Montero", title: "New NCCI edits effective October 1, 2020", date: "2020", urls: ["https://www.monterotherapyservices.com/info-blast/new-ncci-edits-effective-october-1-2020/"],
    supports: "NCCI edits effective 1 October 2020 (NCCI table)." },
  { key: "S55", kind: "secondary", publisher: "WebPT", title: "How to Handle Modifier 59 Denials for 97530 and 97140", date: "not stated", urls: ["https://www.webpt.com/blog/how-to-handle-modifier-59-denials-for-97530-and-97140/"],
    supports: "Modifier 59 with 97530 and 97140, quoting CMS Example 9 (ncci-modifier-missing)." },
  { key: "S56", kind: "association", publisher: "AHCA/NCAL", title: "97140 + compression codes allowed from 2022", date: "2022", urls: ["https://www.ahcancal.org/News-and-Communications/Blog/Pages/CMS-Removes-Medicare-NCCI-Code-Edit-Barrier-for-Part-B-Manual-Therapy-and-Compression-Therapy-Performed-on-the-Same-Day.aspx"],
    supports: "97140 with the multilayer compression codes is allowed from 2022 (NCCI table, ncci-pair-denied; codes 29581–29584)." },
  { key: "S57", kind: "secondary", publisher: "AAPC forum", title: "Group and individual therapy (quoting MAC guidance)", date: "not stated", urls: ["https://www.aapc.com/discuss/threads/pt-and-59-modifiers.67683/post-202353"],
    supports: "Group and individual therapy on one date (NCCI groups)." },
  { key: "S58", kind: "secondary", publisher: "e2emedicalbilling, codingahead", title: "97750: MUE and same-day evaluations", date: "not stated", urls: ["https://e2emedicalbilling.com/97750-cpt-code-know-your-codes/", "https://webhooks.codingahead.com/cpt/codes/97750"],
    supports: "The MUE of 97750 and its pairing with same-day evaluations; manual muscle testing and range-of-motion codes (MUE table, NCCI table, code catalogue)." },
  { key: "S59", kind: "secondary", publisher: "Functional Pathways", title: "MUE table (2017)", date: "2017", urls: ["http://blog.functionalpathways.com/2017/09/20/medically-unlikely-edits/"],
    supports: "An MUE table (2017) for therapy codes (MUE table; several modality codes)." },
  { key: "S60", kind: "secondary", publisher: "Gawenda Seminars", title: "NCCI v24.0 (2018)", date: "2018", urls: ["https://gawendaseminars.com/cms-releases-ncci-edits-version-24-0/"],
    supports: "NCCI version 24.0 (2018) (NCCI table; 97763 added 2018)." },
  { key: "S61", kind: "secondary", publisher: "Xifin, ICD10monitor", title: "The X{EPSU} modifiers (XE, XS, XP, XU)", date: "not stated", urls: ["https://www.xifin.com/billing-beat/coding-update-modifiers-xe-xp-xs-and-xu-for-professional-claims/", "https://icd10monitor.medlearn.com/laboratory-question-for-the-week-of-march-30-2026/"],
    supports: "The X{EPSU} modifiers (XE, XS, XP, XU) and their relation to 59 (distinct-modifier-conflict; modifier table)." },
  { key: "S62", kind: "cms", publisher: "CMS (copy)", title: "Medicare Benefit Policy Manual (Pub 100-02) ch. 15, pages on the treatment note, re-evaluation and progress reports", date: "not stated", urls: ["https://old.bansdoc.gov.bd/eBook/42/files/basic-html/page206.html", "https://old.bansdoc.gov.bd/eBook/42/files/basic-html/page200.html", "https://old.bansdoc.gov.bd/eBook/42/files/basic-html/page204.html"],
    supports: "Medicare Benefit Policy Manual ch. 15: the treatment note, re-evaluation and progress-report timing and content (documentation rules, visit-minutes-mismatch, progress-report-due)." },
  { key: "S63", kind: "secondary", publisher: "TherapyComply", title: "Medicare treatment note FAQs", date: "not stated", urls: ["https://www.therapycomply.com/Articles/Medicare-Treatment-Note-FAQs"],
    supports: "Medicare treatment-note FAQs (documentation rules)." },
  { key: "S64", kind: "secondary", publisher: "AAPC Physical Medicine & Rehab Coding Alert (Gawenda)", title: "Get a refresher on treatment-note documentation", date: "not stated", urls: ["https://aapc.com/codes/coding-newsletters/my-physical-medicine-rehab-coding-alert/reader-questions-get-a-refresher-on-treatment-note-documentation-article"],
    supports: "Documenting time in the treatment note (visit-minutes-mismatch)." },
  { key: "S65", kind: "secondary", publisher: "CMS (course-document copy)", title: "Medicare Benefit Policy Manual ch. 15 §220.1.3 (certification)", date: "not stated", urls: ["https://www.atlas.org/documents/professional-issues-final-exam-5pdf-soypUtotYrUYU3zrAR4Kk9"],
    supports: "BPM §220.1.3: certification and recertification of the plan of care (certification-late, certification-expired)." },
  { key: "S66", kind: "cms", publisher: "Noridian JE", title: "CORF/OPT physician orders and certification", date: "not stated", urls: ["https://med.noridianmedicare.com/web/jea/provider-types/corf/physician-orders-and-certification-guidelines"],
    supports: "Physician orders and certification of the plan of care (certification rules)." },
  { key: "S67", kind: "secondary", publisher: "Optimis PT", title: "POC versus progress report", date: "not stated", urls: ["https://www.optimispt.com/blog/when-to-use-a-progress-report-vs-a-plan-of-care-when-treating-medicare-patients/"],
    supports: "Plan of care versus progress report (certification-expired, goal-not-measurable)." },
  { key: "S68", kind: "cms", publisher: "HHS guidance repository", title: "Correction to Manual References in Chapter 5, Section 20.2", date: "18 Feb 2011", urls: ["https://hhs.gov/guidance/document/correction-manual-references-chapter-5-section-202"],
    supports: "The correction to the manual references in Ch. 5 §20.2 (2011)." },
  { key: "S69", kind: "secondary", publisher: "RACmonitor", title: "Untimed codes (Transmittal 1019, once per discipline per day)", date: "not stated", urls: ["https://www.racmonitor.com/problems-with-therapy-untimed-codes-again-one-plus-one-does-not-necessarily-equal-two"],
    supports: "Untimed codes: one unit per discipline per date (Transmittal 1019) (untimed-units)." },
  { key: "S70", kind: "cms", publisher: "CMS (copy)", title: "Transmittal 2121 / CR 7247, Reporting of Service Units With HCPCS", date: "2010", urls: ["https://5y1.org/info/than-and-then-rule_3_354d57.html"],
    supports: "Transmittal 2121 / CR 7247: reporting of service units with HCPCS (untimed-units)." },
  { key: "S71", kind: "secondary", publisher: "MAAMA", title: "Group versus individual therapy", date: "not stated", urls: ["http://maama.org/97150_discussion.htm"],
    supports: "Group versus individual therapy, 97150 (code catalogue)." },
  { key: "S72", kind: "secondary", publisher: "PPS Impact", title: "Q&A on 97750", date: "not stated", urls: ["https://www.ppsimpact.org/qa-on-cpt-code-97750/"],
    supports: "Q&A on 97750 (code catalogue, NCCI table)." },
  { key: "S73", kind: "secondary", publisher: "ProductivityCalc", title: "CPT 8-minute rule helper (table to 6 units, 41-min and 37-min examples)", date: "not stated", urls: ["https://productivitycalc.com/cpt-helper.html"],
    supports: "An 8-minute-rule table to 6 units with 41- and 37-minute examples (test cases)." },
  { key: "S74", kind: "secondary", publisher: "KMC University", title: "Timed coding rules", date: "not stated", urls: ["https://learn.kmcuniversity.com/topic-tag/timed-code/"],
    supports: "Timed coding rules (background)." },
  {
    key: 'S-web', kind: 'web', publisher: 'Various (one entry for the pages cited as [S-web …])', title: 'Other web pages cited inline', date: 'not stated',
    urls: [
      'https://medicalbillingcptmodifiers.com/2020/11/cpt-97110-97112-97113-97116-97124-97139.html',
      'https://8s2c.com/which-cpt-codes-are-untimed/',
      'https://gulfsir.ae/is-cpt-code-97112-a-timed-code.html',
      'https://www.healthnetworksolutions.net/index.php/cpt-97150',
      'https://irg.urpt.com/?p=2299',
      'https://provcomm.amerihealth.com/pnc-ah/news/Pages/Use-proper-reporting-for-physical-therapy-and-occupational-therapy-re-evaluations.aspx',
      'https://www.mondaq.com/unitedstates/healthcare/1709994/medicare-finalizes-38-physician-reimbursement-increase',
      'https://rehabpub.com/clinic-management/finance/medicare-releases-billing-edits-to-improve-claims-accuracy/',
      'https://biologyinsights.com/what-is-modifier-97-for-therapy-assistants',
      'https://www.webpt.com/guides/cpt-codes/',
      'https://chirofreeinfo.com/chiro-blog-articles/The-Timed-Codes',
      'https://legalclarity.org/requirements-for-a-medicare-progress-note-every-30-days',
      'https://www.stratapt.com/physical-therapy-billing-company/the-misperception-of-a-physical-therapy-re-evaluation-part-ii.html',
    ],
    supports:
      'Secondary pages of low weight, named in the citation: medicalbillingcptmodifiers (97110–97139 descriptors; 97113, 97124 timing), ' +
      '8s2c and gulfsir (untimed modalities, 97012; 97112 timed), healthnetworksolutions (97150 group, untimed), irg.urpt (CERT task-force ' +
      'daily-note elements: documentation rules), AmeriHealth (re-evaluation reported with a modifier: 97164/97168 pairs), Mondaq (2026 PFS ' +
      'practice-expense change), RehabPub (CMS publishes most MUEs), biologyinsights (no assistant modifier for SLP: ' +
      'assistant-modifier-mismatch), the WebPT top-20 CPT list (97016), chirofreeinfo (no modifier 52 for short time), legalclarity ' +
      '(the out-of-date 30-day progress-note rule claimlint does not apply) and stratapt (re-evaluation guidance quoting Noridian).',
  },
  {
    key: 'billing-rules §2', kind: 'billing-rules', publisher: BR, title: "The CMS 8-minute rule (Pub 100-04 ch. 5 §20.2 C)", date: '2026', urls: [],
    supports: "The 8-minute rule: timed minutes of the visit are added up, a unit needs 8 minutes, the unit table (8–22 = 1, 23–37 = 2, …), the remaining-minutes allocation and the CMS worked examples (timed-units-total, timed-units-allocation).",
    basedOn: "[S1] FCSO, [S2] ChiroCode quoting §20.2 C, [S3] FindACode, [S8] PhysicalTherapy.com, [S10] NGS, [S11] AOTA, [S12] documentine, [S68] HHS correction notice, [S73] ProductivityCalc; policy-rag [S4].",
  },
  {
    key: 'billing-rules §2.5', kind: 'billing-rules', publisher: BR, title: "Untimed (service-based) codes", date: '2026', urls: [],
    supports: "Untimed codes are billed one unit per date of service however long they take, and their minutes do not count toward timed units (untimed-units, the code catalogue).",
    basedOn: "[S17] ASHA, [S18] WebPT, [S19] Meyer PT, [S62] BPM ch. 15, [S69] RACmonitor, [S70] Transmittal 2121.",
  },
  {
    key: 'billing-rules §3', kind: 'billing-rules', publisher: BR, title: "Which PT/OT/SLP codes are timed and which are untimed", date: '2026', urls: [],
    supports: "The timed/untimed class of each code in the catalogue, the 15-minute codes and the longer-period codes billed by the 51% rule.",
    basedOn: "[S1], [S15] UTHealth, [S17] ASHA, [S18] WebPT, [S19] Meyer PT, [S20] and [S21] (97129/97130), [S22] Palmetto, [S27], [S47], [S58], [S60], [S69], [S71], [S72].",
  },
  {
    key: 'billing-rules §4', kind: 'billing-rules', publisher: BR, title: "Therapy modifiers", date: '2026', urls: [],
    supports: "The modifier table: GP/GO/GN, CQ/CO, KX, 59 and XE/XS/XP/XU, and when each is required (unknown-modifier and the modifier rules).",
    basedOn: "See §4.1–§4.4 below.",
  },
  {
    key: 'billing-rules §4.1', kind: 'billing-rules', publisher: BR, title: "GP / GO / GN (plan-of-care discipline)", date: '2026', urls: [],
    supports: "Always-therapy codes need the plan's discipline modifier; discipline-locked codes take only theirs (therapy-modifier-missing, -mismatch, -conflict; therapy status of codes).",
    basedOn: "[S23] Post-Acute Advisor on CR 10176, [S24] Transmittal 3814, [S25] WPS, [S26] Ovid FAQ, [S27] Provider Magazine.",
  },
  {
    key: 'billing-rules §4.2', kind: 'billing-rules', publisher: BR, title: "CQ / CO (assistant-furnished services)", date: '2026', urls: [],
    supports: "CQ with GP and CO with GO for services an assistant furnished in whole or in part (more than the de minimis share), and their payment rate from 2022 (assistant rules; the assistant rate in pricing and KX accrual).",
    basedOn: "[S28] CMS CQ/CO billing examples, [S29] APTA Maryland, [S30] TherapyComply, [S31] MediClaim, [S33] WebPT, [S34], [S36] PT Management.",
  },
  {
    key: 'billing-rules §4.3', kind: 'billing-rules', publisher: BR, title: "KX (therapy threshold) and targeted medical review", date: '2026', urls: [],
    supports: "The yearly KX thresholds per bucket (PT+SLP, OT), applied strictly above the amount, and the targeted medical review threshold (kx-modifier-missing, kx-modifier-premature, kx-review-threshold).",
    basedOn: "[S37] NGS, [S38] Noridian, [S39] TherapyComply, [S40], [S41], [S42] MEHCA; policy-rag [S4] q12–q13.",
  },
  {
    key: 'billing-rules §4.4', kind: 'billing-rules', publisher: BR, title: "59 and X{EPSU} (NCCI bypass)", date: '2026', urls: [],
    supports: "59 or one of XE/XS/XP/XU on the column-2 line of a pair with modifier indicator 1, and not 59 together with an X modifier (ncci-modifier-missing, distinct-modifier-conflict).",
    basedOn: "[S55] WebPT on CMS Example 9, [S61] Xifin and ICD10monitor; policy-rag [S4] q34.",
  },
  {
    key: 'billing-rules §5', kind: 'billing-rules', publisher: BR, title: "NCCI edits and MUEs for therapy", date: '2026', urls: [],
    supports: "How procedure-to-procedure pairs, modifier indicators and medically unlikely edits work (ncci-pair-denied, ncci-modifier-missing, units-exceed-mue).",
    basedOn: "[S49] and [S50] APTA, [S51] Casamba, [S52] Elite CME, [S53] AOTA, [S54] Montero, [S56] AHCA/NCAL, [S57], [S58], [S59], [S60].",
  },
  {
    key: 'billing-rules §5.2', kind: 'billing-rules', publisher: BR, title: "Therapy PTP pairs as far as they could be established", date: '2026', urls: [],
    supports: "The pairs and groups in the NCCI table: 97530/97140, 97150 over the individual codes, 97140 with the compression codes from 2022, 97750 with the evaluations, the modality bundles.",
    basedOn: "[S18], [S22], [S47], [S49], [S51], [S52], [S53], [S54], [S55], [S56], [S57], [S58], [S60].",
  },
  {
    key: 'billing-rules §5.3', kind: 'billing-rules', publisher: BR, title: "MUE values for common therapy codes (practitioner)", date: '2026', urls: [],
    supports: "The MUE values and adjudication indicators in the MUE table (units-exceed-mue); all are to be checked against the current CMS MUE file.",
    basedOn: "[S46] PayerReady, [S58], [S59] Functional Pathways.",
  },
  {
    key: 'billing-rules §6', kind: 'billing-rules', publisher: BR, title: "2026 Medicare Physician Fee Schedule (national amounts)", date: '2026', urls: [],
    supports: "The 2026 RVUs and conversion factor behind the national fee amounts (pricing, KX accrual, the code lens and hovers).",
    basedOn: "[S43] DecisionHealth, [S44] AAMC, [S45] Becker's, [S46] PayerReady, [S47] ImmediCare, [S48] Mira Health.",
  },
  {
    key: 'billing-rules §7', kind: 'billing-rules', publisher: BR, title: "Documentation requirements for timed therapy (BPM ch. 15 §220.x)", date: '2026', urls: [],
    supports: "What the treatment note, plan of care, certification and progress report must contain and when (documentation-missing, documentation-weak, goal-not-measurable, certification-late, certification-expired, progress-report-due, visit-minutes-mismatch).",
    basedOn: "[S62] BPM ch. 15, [S63] TherapyComply, [S64] AAPC, [S65] BPM §220.1.3, [S66] Noridian JE, [S67] Optimis PT; policy-rag [S4] q16–q19; CERT task-force elements [S-web irg.urpt].",
  },
  {
    key: 'billing-rules §7.1', kind: 'billing-rules', publisher: BR, title: "Out-of-date rules still found in the wild", date: '2026', urls: [],
    supports: "Rules claimlint deliberately does not apply, e.g. a progress note every 30 days (replaced by every 10 treatment days) (progress-report-due).",
    basedOn: "[S62] BPM ch. 15; [S-web legalclarity] as an example of the old rule.",
  },
  {
    key: 'billing-rules §9', kind: 'billing-rules', publisher: BR, title: "Conflicts and unreliable sources seen", date: '2026', urls: [],
    supports: "Sources and figures not to reuse (out-of-date assistant rates, misprinted code lists).",
    basedOn: "[S28] CMS; [S36] PT Management (its assistant rate is out of date).",
  },
  {
    key: 'billing-rules §12', kind: 'billing-rules', publisher: BR, title: "Open items to verify before production", date: '2026', urls: [],
    supports: "The facts marked U (unconfirmed) in the data: the exact §20.2 text, the 2026 PTP rows, current MUE values, the CMS 2026 KX amount, the RVU26 values and the 2026 Annual Therapy Code List.",
    basedOn: "The CMS primary files, which could not be opened; the data-pack importer (`claimlint data import`) loads them when you have them.",
  },
  {
    key: 'billing-rules §13', kind: 'billing-rules', publisher: BR, title: "Corrections, 2026-11", date: '2026', urls: [],
    supports: "The first release reviewed against the sources as a billing auditor would; the items below take precedence over the earlier sections.",
    basedOn: "See each item below.",
  },
  {
    key: 'billing-rules §13.1', kind: 'billing-rules', publisher: BR, title: "CQ/CO on the final partial unit (CY 2022 method)", date: '2026', urls: [],
    supports: "For a timed code's remaining unit: therapist 8+ minutes → no CQ/CO; assistant 8+ and therapist fewer → CQ/CO; both under 8 → CQ/CO when the assistant's minutes are more than the de minimis share of the unit (assistant-modifier-missing, -unsupported).",
    basedOn: "CY 2022 PFS final rule (86 FR 64996); CMS \"Billing examples using CQ/CO modifiers\" [S28]; Horizon BCBSNJ CQ/CO policy.",
  },
  {
    key: 'billing-rules §13.2', kind: 'billing-rules', publisher: BR, title: "Timed minutes are pooled per discipline", date: '2026', urls: [],
    supports: "Timed lines under GP, GO and GN on one date form separate 8-minute pools, each with its own total, allocation and units (timed-units-total, -allocation, visit-minutes-mismatch, the code lens).",
    basedOn: "PhysicalTherapy.com (2018) [S8]; CMS Pub 100-04 ch. 5 §20.2.",
  },
  {
    key: 'billing-rules §13.3', kind: 'billing-rules', publisher: BR, title: "Untimed services: one unit per discipline per date", date: '2026', urls: [],
    supports: "97150-GP and 97150-GO on one date are both payable; per-area codes (95831–95834, 95851/95852) take their units from the areas, capped by their MUE (untimed-units, units-exceed-mue).",
    basedOn: "Transmittal 1019 / CR 7247 via RACmonitor [S69].",
  },
  {
    key: 'billing-rules §13.4', kind: 'billing-rules', publisher: BR, title: "Unit rule by payer", date: '2026', urls: [],
    supports: "The CMS total-time rule by default for medicare, medicare-advantage and medicaid; the per-code rule for commercial payers (timed-units-total, timed-units-per-code).",
    basedOn: "Raintree and SimplePractice (the CMS rule is standard for federally funded plans).",
  },
  {
    key: 'billing-rules §13.5', kind: 'billing-rules', publisher: BR, title: "Assistants cannot furnish evaluations or re-evaluations", date: '2026', urls: [],
    supports: "CQ/CO or assistant minutes on an evaluation or re-evaluation are an error (assistant-on-evaluation).",
    basedOn: "Medicare Benefit Policy Manual (Pub 100-02) ch. 15 §230.1 (PT) and §230.2 (OT).",
  },
  {
    key: 'billing-rules §13.6', kind: 'billing-rules', publisher: BR, title: "Add-on codes need their primary code", date: '2026', urls: [],
    supports: "An add-on code is payable only with its primary code on the same date (add-on-without-primary; the catalogue's addOnTo).",
    basedOn: "NCCI add-on code edits.",
  },
  {
    key: 'billing-rules §13.7', kind: 'billing-rules', publisher: BR, title: "MUEs", date: '2026', urls: [],
    supports: "97129 is 1 unit per day (further time is 97130); 97110, 97530 and 97112 agree with a 2026 restatement; the others need the CMS file (MUE table).",
    basedOn: "Several coding references; PayerReady [S46].",
  },
  {
    key: 'billing-rules §13.8', kind: 'billing-rules', publisher: BR, title: "Codes valid for therapy that the first catalogue lacked", date: '2026', urls: [],
    supports: "Caregiver training 97550–97552, remote therapeutic monitoring, wound care, SLP device and swallowing codes, unlisted codes, strapping and compression, needle insertion, 64550, G0281/G0329, work hardening 97545/97546 (code catalogue, unknown-code).",
    basedOn: "HHS/CMS CY 2024 therapy update; CMS PFS final rules; secondary restatements.",
  },
  {
    key: 'billing-rules §13.9', kind: 'billing-rules', publisher: BR, title: "Payment estimates", date: '2026', urls: [],
    supports: "National amount = RVUs × the conversion factor of the period; the multiple procedure payment reduction (highest-PE unit in full, 50% of the practice expense of the others) (pricing, KX accrual, code lens, hovers).",
    basedOn: "Pub 100-04 ch. 5 §10.7 as restated by secondary sources; DecisionHealth [S43] for the conversion factors.",
  },
  {
    key: 'billing-rules §13.10', kind: 'billing-rules', publisher: BR, title: "NCCI pairs", date: '2026', urls: [],
    supports: "97012 with 97140 (97140 is column 2, modifier indicator 1); the re-evaluations 97164/97168 with the treatment codes; the 97750-with-evaluation indicator is unconfirmed (NCCI table).",
    basedOn: "AAPC PM&R Coding Alert; Elite CME [S52]; AmeriHealth [S-web].",
  },
  {
    key: 'billing-rules §13.11', kind: 'billing-rules', publisher: BR, title: "Confirmed as already right", date: '2026', urls: [],
    supports: "The 8-minute table and allocation with free ties, timed/untimed classes, GP/GO/GN locks, CQ↔GP and CO↔GO, the assistant rate from 2022, \"more than 10%\", the KX thresholds applied strictly above, the review threshold, 97010 bundled, 97014 → G0283, certification within 30 days, the 90-day period, a progress report every 10 treatment days.",
    basedOn: "The sources of §2–§7.",
  },
];
