package assessment

import (
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/strictyaml"
	"go.yaml.in/yaml/v3"
)

// Text is a user-facing text: a plain string (bokmål) or a map of languages
// {nb, nn, en} where nb is required.
type Text struct {
	NB, NN, EN string
}

// String returns the bokmål text.
func (t Text) String() string { return t.NB }

// In returns the text in lang ("nb", "nn", "en"), falling back to bokmål.
func (t Text) In(lang string) string {
	switch {
	case lang == "nn" && t.NN != "":
		return t.NN
	case lang == "en" && t.EN != "":
		return t.EN
	}
	return t.NB
}

// Localize is the text in the printer's language, when it is a message's
// placeholder.
func (t Text) Localize(p *lang.Printer) string { return t.In(string(p.Lang())) }

// IsZero reports whether no text is given.
func (t Text) IsZero() bool { return t.NB == "" && t.NN == "" && t.EN == "" }

// T makes a bokmål-only Text.
func T(nb string) Text { return Text{NB: nb} }

func (t *Text) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return
		}
		var s string
		d.DecodeString(n, &s, path)
		t.NB = s
	case yaml.MappingNode:
		var m struct {
			NB string `yaml:"nb"`
			NN string `yaml:"nn"`
			EN string `yaml:"en"`
		}
		d.DecodeInto(n, &m, path, 1)
		t.NB, t.NN, t.EN = m.NB, m.NN, m.EN
		if t.NB == "" {
			d.Error(n, path, lang.M("text-missing-nb"))
		}
	default:
		d.Error(n, path, lang.M("yaml-expected", "Want", lang.M("text-a-text-or-languages"), "Found", strictyaml.Describe(n)))
	}
}

// QuestionType is the kind of answer a question takes.
type QuestionType string

const (
	TypeScale  QuestionType = "scale"
	TypeYesNo  QuestionType = "yesno"
	TypeChoice QuestionType = "choice"
	TypeMulti  QuestionType = "multi"
	TypeNumber QuestionType = "number"
	TypeText   QuestionType = "text"
)

// Scored reports whether answers of this type count in scores.
func (t QuestionType) Scored() bool { return t != TypeText }

// Questionnaire is a self-assessment definition (kind: questionnaire).
type Questionnaire struct {
	Kind        string `yaml:"kind" validate:"required,eq=questionnaire"`
	ID          string `yaml:"id" validate:"required,ident"`
	Version     string `yaml:"version" validate:"required"`
	Title       Text   `yaml:"title" validate:"text_required"`
	Description Text   `yaml:"description"`
	Language    string `yaml:"language" validate:"omitempty,oneof=nb nn en"`
	// Languages lists the written standards every text is given in; with
	// [nb, nn] each text must be a map with both.
	Languages []string `yaml:"languages" validate:"dive,oneof=nb nn en"`
	// Audience says who answers: kommune (the default) or fylkeskommune.
	Audience      Audience     `yaml:"audience" validate:"omitempty,oneof=kommune fylkeskommune"`
	Scale         []ScalePoint `yaml:"scale" validate:"required,min=2,dive"`
	DefaultTarget *float64     `yaml:"default_target" validate:"required"`
	Levels        []Level      `yaml:"levels" validate:"required,min=1,dive"`
	Steps         []Step       `yaml:"steps" validate:"dive"`
	Tiers         []Tier       `yaml:"tiers" validate:"dive"`
	Plans         []Plan       `yaml:"plans" validate:"dive"`
	Strategies    []Strategy   `yaml:"strategies" validate:"dive"`
	Areas         []Area       `yaml:"areas" validate:"required,min=1,dive"`
	Examples      []Example    `yaml:"examples" validate:"dive"`
	Glossary      []Term       `yaml:"glossary" validate:"dive"`
	Facts         []Fact       `yaml:"facts" validate:"dive"`
	// MinCoverage is the coverage below which a score is uncertain
	// (default 0.5).
	MinCoverage *float64 `yaml:"min_coverage"`

	// Derived by prepare after validation.
	questionIndex map[string]qref
	areaIndex     map[string]int
	stepIndex     map[int]int
	tierIndex     map[string]int
	planIndex     map[string]int
	scaleMin      float64
	scaleMax      float64
	nScored       int
	levelRefs     []LevelRef // one per level, shared by all results
}

type qref struct{ area, question int }

// ScalePoint is one answer option of scale questions.
type ScalePoint struct {
	Value       *float64 `yaml:"value" validate:"required"`
	Label       Text     `yaml:"label" validate:"text_required"`
	Description Text     `yaml:"description"`
}

// Level is a named maturity band starting at Min (0–100).
type Level struct {
	Min         *float64 `yaml:"min" validate:"required"`
	Name        Text     `yaml:"name" validate:"text_required"`
	Description Text     `yaml:"description"`
}

// Step is one of the governance steps (trinn).
type Step struct {
	ID          int  `yaml:"id" validate:"required,min=1"`
	Name        Text `yaml:"name" validate:"text_required"`
	Description Text `yaml:"description"`
}

// Tier is a level of measures (tiltaksnivå).
type Tier struct {
	ID          string `yaml:"id" validate:"required"`
	Name        Text   `yaml:"name" validate:"text_required"`
	Description Text   `yaml:"description"`
}

// Plan is a plan document (planverk) where gaps belong.
type Plan struct {
	ID          string `yaml:"id" validate:"required,ident"`
	Name        Text   `yaml:"name" validate:"text_required"`
	Description Text   `yaml:"description"`
	// Kind groups the instruments: plan (plan- og bygningsloven), okonomi,
	// eierskap, anskaffelse, reglement, rapport, virksomhet.
	Kind string `yaml:"kind" validate:"omitempty,oneof=plan okonomi eierskap anskaffelse reglement rapport virksomhet"`
	// Law is the legal basis, free text («pbl. § 10-1»).
	Law Text `yaml:"law"`
	// DecidedBy names who adopts the plan («kommunestyret»).
	DecidedBy Text `yaml:"decided_by"`
	// Parent makes this a sub-plan (an avfallsplan is a temaplan); a
	// sub-plan without a cycle uses its parent's.
	Parent string `yaml:"parent"`
	Cycle  *Cycle `yaml:"cycle"`

	cycle *Cycle // derived: own or inherited (EffectiveCycle)
}

// Cycle says when a plan is adopted, so that a gap can be given the next
// chance to act on it.
type Cycle struct {
	Rule CycleRule `yaml:"rule" validate:"required,oneof=yearly election decided"`
	// Month of adoption, 1–12 (yearly and election).
	Month *int `yaml:"month"`
	// LeadMonths is how long before adoption input must be ready.
	LeadMonths *int `yaml:"lead_months" validate:"omitnil,min=0,max=48"`
}

// CycleRule is how a plan's adoption recurs.
type CycleRule string

const (
	// CycleYearly plans are adopted every year in a given month.
	CycleYearly CycleRule = "yearly"
	// CycleElection plans are due once per election period, in a given
	// month of the year after a local election.
	CycleElection CycleRule = "election"
	// CycleDecided plans are revised when the planstrategi says so; only
	// the municipality's own answers file knows when.
	CycleDecided CycleRule = "decided"
)

// Strategy is an R-strategy.
type Strategy struct {
	ID          string `yaml:"id" validate:"required,ident"`
	Name        Text   `yaml:"name" validate:"text_required"`
	Description Text   `yaml:"description"`
}

// Area is an action area (tiltaksområde).
type Area struct {
	ID          string     `yaml:"id" validate:"required,ident"`
	Name        Text       `yaml:"name" validate:"text_required"`
	Description Text       `yaml:"description"`
	Weight      *float64   `yaml:"weight" validate:"omitnil,gt=0"`
	AllowNA     bool       `yaml:"allow_na"`
	Plans       []string   `yaml:"plans"`
	Questions   []Question `yaml:"questions" validate:"required,min=1,dive"`
}

// Question is one question of an area.
type Question struct {
	ID       string         `yaml:"id" validate:"required,ident"`
	Text     Text           `yaml:"text" validate:"text_required"`
	Help     Text           `yaml:"help"`
	Type     QuestionType   `yaml:"type" validate:"omitempty,oneof=scale yesno choice multi number text"`
	Step     int            `yaml:"step" validate:"omitempty,min=1"`
	Tier     string         `yaml:"tier"`
	Weight   *float64       `yaml:"weight" validate:"omitnil,gt=0"`
	Target   *float64       `yaml:"target"`
	AllowNA  *bool          `yaml:"allow_na"`
	Plans    []string       `yaml:"plans"`
	Strategy string         `yaml:"strategy"`
	Action   Text           `yaml:"action"`
	Examples []string       `yaml:"examples"`
	Options  []Option       `yaml:"options" validate:"dive"`
	Scoring  *NumberScoring `yaml:"scoring"`
	Unit     string         `yaml:"unit"`
	// Min and Max bound a valid number answer (a share is 0–100).
	Min *float64 `yaml:"min"`
	Max *float64 `yaml:"max"`
	// Replaces names question ids of an earlier version that this one
	// renames, splits or merges; migrate uses it.
	Replaces []string `yaml:"replaces"`

	// Derived by prepare.
	area        int
	index       int // position in questionnaire order
	plans       []string
	planIdx     []int // plans as indices into Questionnaire.Plans
	allowNA     bool
	weight      float64
	stepIdx     int // -1 when none
	tierIdx     int // -1 when none
	optionIndex map[string]int
}

// Option is one answer option of a choice or multi question.
type Option struct {
	ID    string   `yaml:"id" validate:"required,ident"`
	Label Text     `yaml:"label" validate:"text_required"`
	Score *float64 `yaml:"score" validate:"required"`
}

// NumberScoring maps a number answer onto [0,1].
type NumberScoring struct {
	Worst *float64 `yaml:"worst" validate:"required"`
	Best  *float64 `yaml:"best" validate:"required"`
}

// Example is an entry of the example bank (eksempelbanken).
type Example struct {
	ID          string   `yaml:"id" validate:"required,ident"`
	Name        Text     `yaml:"name" validate:"text_required"`
	Description Text     `yaml:"description"`
	URL         string   `yaml:"url" validate:"omitempty,url"`
	Areas       []string `yaml:"areas"`
}

// Term is a glossary entry.
type Term struct {
	Term       Text `yaml:"term" validate:"text_required"`
	Definition Text `yaml:"definition" validate:"text_required"`
}

// Fact is a key figure with its source.
type Fact struct {
	Text   Text   `yaml:"text" validate:"text_required"`
	Source string `yaml:"source"`
}

// EffectiveType is the question's type, scale when none is given.
func (q *Question) EffectiveType() QuestionType {
	if q.Type == "" {
		return TypeScale
	}
	return q.Type
}

// EffectiveWeight is the question's weight, 1 when none is given.
func (q *Question) EffectiveWeight() float64 { return q.weight }

// EffectivePlans are the question's plans, else its area's.
func (q *Question) EffectivePlans() []string { return q.plans }

// NAAllowed reports whether «ikke relevant» is a valid answer.
func (q *Question) NAAllowed() bool { return q.allowNA }

// Index is the question's position in questionnaire order.
func (q *Question) Index() int { return q.index }

// Option returns the option with the given id.
func (q *Question) Option(id string) (*Option, bool) {
	i, ok := q.optionIndex[id]
	if !ok {
		return nil, false
	}
	return &q.Options[i], true
}

// EffectiveWeight is the area's weight, 1 when none is given.
func (a *Area) EffectiveWeight() float64 {
	if a.Weight == nil {
		return 1
	}
	return *a.Weight
}

// Question finds a question by id with its area.
func (q *Questionnaire) Question(id string) (*Question, *Area, bool) {
	r, ok := q.questionIndex[id]
	if !ok {
		return nil, nil, false
	}
	a := &q.Areas[r.area]
	return &a.Questions[r.question], a, true
}

// Area finds an area by id.
func (q *Questionnaire) Area(id string) (*Area, bool) { return byIndex(q.Areas, q.areaIndex, id) }

// Plan finds a plan by id.
func (q *Questionnaire) Plan(id string) (*Plan, bool) { return byIndex(q.Plans, q.planIndex, id) }

// StepByID finds a step.
func (q *Questionnaire) StepByID(id int) (*Step, bool) { return byIndex(q.Steps, q.stepIndex, id) }

// TierByID finds a tier.
func (q *Questionnaire) TierByID(id string) (*Tier, bool) { return byIndex(q.Tiers, q.tierIndex, id) }

// StrategyByID finds an R-strategy.
func (q *Questionnaire) StrategyByID(id string) (*Strategy, bool) {
	for i := range q.Strategies {
		if q.Strategies[i].ID == id {
			return &q.Strategies[i], true
		}
	}
	return nil, false
}

// ExampleByID finds an example.
func (q *Questionnaire) ExampleByID(id string) (*Example, bool) {
	for i := range q.Examples {
		if q.Examples[i].ID == id {
			return &q.Examples[i], true
		}
	}
	return nil, false
}

// ScaleRange returns the smallest and largest scale value.
func (q *Questionnaire) ScaleRange() (lo, hi float64) { return q.scaleMin, q.scaleMax }

// ScaleLabel returns the label of a scale value in bokmål, or "" if it is
// none.
func (q *Questionnaire) ScaleLabel(v float64) string {
	if p := q.scalePoint(v); p != nil {
		return p.Label.String()
	}
	return ""
}

// scalePoint is the point of the scale with value v, nil if there is none.
func (q *Questionnaire) scalePoint(v float64) *ScalePoint {
	for i := range q.Scale {
		if *q.Scale[i].Value == v {
			return &q.Scale[i]
		}
	}
	return nil
}

// QuestionCount is the number of questions; ScoredCount those that are scored.
func (q *Questionnaire) QuestionCount() int { return len(q.questionIndex) }

// ScoredCount is the number of scored questions.
func (q *Questionnaire) ScoredCount() int { return q.nScored }

// Ref names the questionnaire as answers files do.
func (q *Questionnaire) Ref() QuestionnaireRef { return QuestionnaireRef{ID: q.ID, Version: q.Version} }

// AllQuestions calls fn for each question in questionnaire order.
func (q *Questionnaire) AllQuestions(fn func(a *Area, qu *Question)) {
	for i := range q.Areas {
		a := &q.Areas[i]
		for j := range a.Questions {
			fn(a, &a.Questions[j])
		}
	}
}

// QuestionIDs returns all question ids in questionnaire order.
func (q *Questionnaire) QuestionIDs() []string {
	ids := make([]string, 0, len(q.questionIndex))
	q.AllQuestions(func(_ *Area, qu *Question) { ids = append(ids, qu.ID) })
	return ids
}

// prepare derives indices and defaults; it assumes validation passed.
func (q *Questionnaire) prepare() {
	q.areaIndex = make(map[string]int, len(q.Areas))
	q.questionIndex = make(map[string]qref)
	q.stepIndex = make(map[int]int, len(q.Steps))
	q.tierIndex = make(map[string]int, len(q.Tiers))
	q.planIndex = make(map[string]int, len(q.Plans))
	for i, s := range q.Steps {
		q.stepIndex[s.ID] = i
	}
	for i, t := range q.Tiers {
		q.tierIndex[t.ID] = i
	}
	for i, p := range q.Plans {
		q.planIndex[p.ID] = i
	}
	if len(q.Scale) > 0 {
		q.scaleMin, q.scaleMax = *q.Scale[0].Value, *q.Scale[len(q.Scale)-1].Value
	}
	q.levelRefs = make([]LevelRef, len(q.Levels))
	for i := range q.Levels {
		q.levelRefs[i] = LevelRef{Rank: i + 1, Level: &q.Levels[i]}
	}
	idx := 0
	q.nScored = 0
	for ai := range q.Areas {
		a := &q.Areas[ai]
		q.areaIndex[a.ID] = ai
		for qi := range a.Questions {
			qu := &a.Questions[qi]
			q.questionIndex[qu.ID] = qref{ai, qi}
			qu.area, qu.index = ai, idx
			idx++
			if qu.EffectiveType().Scored() {
				q.nScored++
			}
			qu.plans = qu.Plans
			if len(qu.plans) == 0 {
				qu.plans = a.Plans
			}
			qu.allowNA = a.AllowNA
			if qu.AllowNA != nil {
				qu.allowNA = *qu.AllowNA
			}
			qu.weight = 1
			if qu.Weight != nil {
				qu.weight = *qu.Weight
			}
			qu.stepIdx, qu.tierIdx = -1, -1
			if i, ok := q.stepIndex[qu.Step]; ok && qu.Step != 0 {
				qu.stepIdx = i
			}
			if i, ok := q.tierIndex[qu.Tier]; ok && qu.Tier != "" {
				qu.tierIdx = i
			}
			qu.optionIndex = make(map[string]int, len(qu.Options))
			for oi, o := range qu.Options {
				qu.optionIndex[o.ID] = oi
			}
		}
	}
	q.prepareCycles()
}

// OptionIndex is an option's position in the question, -1 when unknown.
func (q *Question) OptionIndex(id string) int {
	if i, ok := q.optionIndex[id]; ok {
		return i
	}
	return -1
}

// byIndex looks an id up in an index built by prepare.
func byIndex[T any, K comparable](list []T, index map[K]int, id K) (*T, bool) {
	i, ok := index[id]
	if !ok {
		return nil, false
	}
	return &list[i], true
}

// Audience is who a questionnaire is for.
type Audience string

// Audiences.
const (
	ForKommune       Audience = "kommune"
	ForFylkeskommune Audience = "fylkeskommune"
)

// Words are the nouns that differ between a kommune and a fylkeskommune,
// for text that speaks of the respondent.
type Words struct {
	Org      string // «kommunen», «fylkeskommunen»
	Orgs     string // «kommuner», «fylkeskommuner»
	Council  string // «kommunestyret», «fylkestinget»
	Director string // «kommunedirektøren», «fylkeskommunedirektøren»
}

func (q *Questionnaire) audience() Audience {
	if q.Audience == "" {
		return ForKommune
	}
	return q.Audience
}

// Words returns the nouns for the questionnaire's audience, in bokmål.
func (q *Questionnaire) Words() Words { return q.WordsIn(lang.For(lang.NB)) }

// WordsIn returns the nouns for the questionnaire's audience in p's
// language.
func (q *Questionnaire) WordsIn(p *lang.Printer) Words {
	if q.Audience == ForFylkeskommune {
		return Words{Org: p.T("words-org-fylke"), Orgs: p.T("words-orgs-fylke"), Council: p.T("words-council-fylke"), Director: p.T("words-director-fylke")}
	}
	return Words{Org: p.T("words-org-kommune"), Orgs: p.T("words-orgs-kommune"), Council: p.T("words-council-kommune"), Director: p.T("words-director-kommune")}
}

// AudienceOf is who a municipality number belongs to: two digits are a
// fylkeskommune, four a kommune.
func AudienceOf(number string) Audience {
	if len(number) == 2 {
		return ForFylkeskommune
	}
	return ForKommune
}
