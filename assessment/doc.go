// Package assessment holds what a self-assessment is: the questionnaire
// (kind: questionnaire), one municipality's answers to it (kind: answers),
// the checks of both, and the scores and gaps computed from them. It knows
// nothing of terminals, spreadsheets or the command line.
//
// # Reading, in order
//
// ParseQuestionnaire and ParseAnswers read YAML strictly (package
// strictyaml) and validate each file on its own. Answers.Check then reads
// every answer for its question with ParseValue and returns the Checked
// answers; Evaluate takes only Checked answers, so scoring can never run
// on answers that were not checked against the same questionnaire.
// ParseValue is the one reader of answer text for every input (a YAML file,
// an Excel answer sheet, the interactive form), and LabelIn is the one way an
// answer is shown to people.
//
// # Questionnaire
//
// A questionnaire has a scale (ascending values with labels, e.g. 0 Ikke
// startet … 4 Systematisk og evaluert), a default target on that scale,
// maturity levels (bands of a 0–100 score, ascending, the first at 0),
// governance steps (trinn 1–5), tiers of measures (tiltaksnivå I–III),
// plans (the plan instruments where gaps belong, in planning-cycle order),
// R-strategies, and areas of questions. A question is of type scale
// (default), yesno, choice, multi, number or text; every type but text is
// scored, and a scored question has a step, a tier or both. Choice and
// multi questions have options scored 0–1 (a choice's best option scores 1,
// a multi's options sum to at least 1); number questions have scoring
// {worst, best} and may bound valid answers with min and max.
//
// A plan may say what kind of instrument it is, its legal basis, who adopts
// it, a parent plan (a sub-plan such as an avfallsplan under temaplan) and
// its cycle: yearly in a month, once per election period in a month of the
// year after a local election (2023 and every fourth year), or when the
// planstrategi decides. A question may name the ids of an earlier version
// it replaces (a rename, a split or a merge).
//
// # Versions
//
// Every published version of a questionnaire stays in use: answers are
// read against the version they name, and CompareVersions orders versions
// by their dotted numbers. Relate ties two versions together by id and by
// the newer one's «replaces»; Diff lists what changed, and Migrate moves
// answers to the newer version without dropping any: a merge or an answer
// that no longer fits becomes a comment, a removed question's answer stays
// under its old id, and every step is reported.
//
// # Answers
//
// An answers file names its questionnaire and version, the municipality
// (a four-digit kommunenummer or a two-digit fylkesnummer from the register
// in force from 2024), the date and the answers by question id: a scale
// value or label, ja/nei, option ids, a number, a text, «na» (ikke
// relevant, where the question allows it) or «vet-ikke». The long form
// {value, comment} carries a comment.
//
// # Scores
//
// An answered, applicable, scored question has a normalized value n in
// [0,1]: (v − min)/(max − min) on the scale; ja 1, nei 0; the chosen
// option's score; the sum of the chosen options' scores capped at 1;
// clamp((x − worst)/(best − worst), 0, 1) for numbers. Its normalized
// target t comes from the area's target in the answers file, else the
// question's target, else the default target (scale questions), or the
// question's target read as a share. The gap is max(0, t − n), below 1e-9
// none; the priority is weight × gap.
//
// For a set of questions (an area, a step, a tier, an area × step or area ×
// tier cell) the score is 100 × Σ w·n / Σ w over the answered applicable
// questions, undefined when none is answered; coverage is answered over
// applicable. «na» leaves the denominators; «vet-ikke» counts as unanswered
// and is listed apart. The total is the area-weighted mean of the areas'
// scores, so every area counts by its weight whatever its number of
// questions. A score's level is the one with the largest min ≤ score,
// compared exactly. Gaps are ordered by priority (equal within 1e-9), then
// questionnaire order, and belong to the question's plans, or its area's.
//
// # Plans and their windows
//
// An answers file may say how the municipality's plans stand, by plan id:
//
//	plans:
//	  okonomiplan: {adopted: 2025-12, next: 2027, status: Rulleres årlig}
//
// adopted is a year, a month (2021-06) or a date; next is a year (read as
// its December) or a month; status is free text. All are optional; an
// unknown plan id is an error. WriteAnswers writes the block after
// targets, one line per plan in questionnaire order, and Merge merges it
// field by field like targets.
//
// A gap's window for a plan is the month (year, month) of the plan's next
// adoption that input can still reach as of D, the month of the answers'
// date; months compare as (year, month). A next in the answers file at or
// after D is the window; one before D is a warning, and the cycle decides.
// A plan without a cycle uses its parent's, recursively; lead_months
// defaults to 0. The first adoption A with A − lead_months ≥ D is the
// window of a yearly plan (A in its month of every year) and of an
// election plan (A in its month of the year after a local election: 2024,
// 2028, …; elections are in 2023 and every fourth year). A decided plan,
// or one with no cycle, has no window without next; nor has any plan when
// the answers have no date. Evaluate computes each plan's window once per
// result (Result.Windows) and gives every gap the windows of its plans and
// the earliest of them (Gap.NextWindow).
package assessment
