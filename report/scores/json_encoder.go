package scores

import (
	"encoding/json"
	"math"
	"strconv"
	"sync"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// jsonParts are the parts of a result's JSON that come from its
// questionnaire. The JSON is appended by hand: a batch of 10,000 files
// writes ~150 MB, and most of it (question ids, plans, actions, level
// names) is the same in every file, so those parts are encoded once per
// questionnaire; only numbers and the few strings from the answers file
// are encoded per result.
type jsonParts struct {
	levels   [][]byte // {"rank":n,"name":"…"} per level
	areaHead [][]byte // {"id":"…","score": per area
	stepKeys [][]byte // "1": per step
	tierKeys [][]byte // "I": per tier
	gapHead  map[*assessment.Question][]byte
	gapPlans map[*assessment.Question][]byte   // ,"plans":[…],"windows":{
	winKeys  map[*assessment.Question][][]byte // "plan id": per plan
	gapTail  map[*assessment.Question][]byte   // ,"action":"…"}
	qid      map[*assessment.Question][]byte   // "id"
}

// JSONEncoder appends results as JSON. It keeps the parts encoded once
// per questionnaire, so they live as long as the encoder: create one per
// batch and share it between the workers (its methods are safe for
// concurrent use). A process-wide cache would instead keep every
// questionnaire it has seen, and its parts, until the process ends.
type JSONEncoder struct {
	mu    sync.Mutex
	p     *lang.Printer
	parts map[*assessment.Questionnaire]*jsonParts
}

// JSONOptions tune the JSON writer and encoder.
type JSONOptions struct {
	// Lang is the written standard of the questionnaire's texts (level
	// names, actions) and of the messages; the zero value is bokmål.
	Lang lang.Lang
}

// NewJSONEncoder returns an encoder with no parts encoded yet, which
// writes the questionnaire's texts in bokmål.
func NewJSONEncoder() *JSONEncoder { return NewJSONEncoderWith(JSONOptions{}) }

// NewJSONEncoderWith returns an encoder with no parts encoded yet.
func NewJSONEncoderWith(opt JSONOptions) *JSONEncoder {
	return &JSONEncoder{p: lang.For(opt.Lang), parts: make(map[*assessment.Questionnaire]*jsonParts)}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain strings and ints are encoded here
	}
	return b
}

// partsFor returns the parts of q, encoding them on first use. Workers
// that ask for the same questionnaire meanwhile wait, rather than encode
// it again.
func (e *JSONEncoder) partsFor(q *assessment.Questionnaire) *jsonParts {
	e.mu.Lock()
	defer e.mu.Unlock()
	if p, ok := e.parts[q]; ok {
		return p
	}
	p := newJSONParts(e.p, q)
	e.parts[q] = p
	return p
}

func newJSONParts(lp *lang.Printer, q *assessment.Questionnaire) *jsonParts {
	p := &jsonParts{gapHead: map[*assessment.Question][]byte{}, gapPlans: map[*assessment.Question][]byte{},
		winKeys: map[*assessment.Question][][]byte{}, gapTail: map[*assessment.Question][]byte{}, qid: map[*assessment.Question][]byte{}}
	for i, l := range q.Levels {
		p.levels = append(p.levels, []byte(`{"rank":`+strconv.Itoa(i+1)+`,"name":`+string(mustJSON(l.Name.Localize(lp)))+`}`))
	}
	for _, a := range q.Areas {
		p.areaHead = append(p.areaHead, []byte(`{"id":`+string(mustJSON(a.ID))+`,"score":`))
	}
	for _, s := range q.Steps {
		p.stepKeys = append(p.stepKeys, mustJSON(strconv.Itoa(s.ID)))
	}
	for _, t := range q.Tiers {
		p.tierKeys = append(p.tierKeys, mustJSON(t.ID))
	}
	q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		head := `{"question":` + string(mustJSON(qu.ID)) + `,"area":` + string(mustJSON(a.ID)) + `,"step":`
		if qu.Step != 0 {
			head += strconv.Itoa(qu.Step)
		} else {
			head += "null"
		}
		head += `,"tier":`
		if qu.Tier != "" {
			head += string(mustJSON(qu.Tier))
		} else {
			head += "null"
		}
		p.gapHead[qu] = []byte(head + `,"value":`)
		plans := qu.EffectivePlans()
		if plans == nil {
			plans = []string{}
		}
		p.gapPlans[qu] = []byte(`,"plans":` + string(mustJSON(plans)) + `,"windows":{`)
		keys := make([][]byte, len(plans))
		for i, id := range plans {
			keys[i] = append(mustJSON(id), ':')
		}
		p.winKeys[qu] = keys
		p.gapTail[qu] = []byte(`,"action":` + string(mustJSON(qu.Action.Localize(lp))) + `}`)
		p.qid[qu] = mustJSON(qu.ID)
	})
	return p
}

// appendFloat formats like encoding/json.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

func appendScore(b []byte, s assessment.Score) []byte {
	if !s.Defined {
		return append(b, "null"...)
	}
	return appendFloat(b, s.Value)
}

func (p *jsonParts) appendLevel(b []byte, l *assessment.LevelRef) []byte {
	if l == nil {
		return append(b, "null"...)
	}
	return append(b, p.levels[l.Rank-1]...)
}

// appendMonth appends a window's month as "2027-12", null when unknown.
func appendMonth(b []byte, w *assessment.Window) []byte {
	if w == nil || !w.Known {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = appendDigits(b, w.Month.Year, 4)
	b = append(b, '-')
	b = appendDigits(b, w.Month.Month, 2)
	return append(b, '"')
}

// appendDigits appends a non-negative n with at least width digits.
func appendDigits(b []byte, n, width int) []byte {
	for d := 10; width > 1; width-- {
		if n < d {
			b = append(b, '0')
		}
		d *= 10
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// appendIDs appends a JSON array of question ids.
func (p *jsonParts) appendIDs(b []byte, qs []*assessment.Question) []byte {
	b = append(b, '[')
	for i, qu := range qs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, p.qid[qu]...)
	}
	return append(b, ']')
}

func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case float64:
		return appendFloat(b, v)
	default:
		return append(b, mustJSON(v)...)
	}
}

// appendScores appends the members "key":score of an object, one per
// step or tier.
func appendScores(b []byte, keys [][]byte, sets []assessment.SetScore) []byte {
	for i, s := range sets {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(b, keys[i]...), ':')
		b = appendScore(b, s.Score)
	}
	return b
}

// appendSets appends the members "key":{"score":…,"coverage":…} of an
// object, one per step or tier.
func appendSets(b []byte, keys [][]byte, sets []assessment.SetScore) []byte {
	for i, s := range sets {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(b, keys[i]...), `:{"score":`...)
		b = appendScore(b, s.Score)
		b = append(b, `,"coverage":`...)
		b = appendScore(b, s.Coverage)
		b = append(b, '}')
	}
	return b
}

// AppendResult appends one element of "results": the file, questionnaire
// and municipality; total score, coverage, level and whether the total is
// uncertain; each area with its score per step and tier; the steps and
// tiers over all areas; the gaps in priority order, each with its
// question, answer, target, plans, the plans' next windows and the
// earliest of them, and action; and the ids of the unanswered questions
// and of those answered «vet ikke».
func (e *JSONEncoder) AppendResult(b []byte, file string, r *assessment.Result) []byte {
	p := e.partsFor(r.Questionnaire)
	b = append(b, `{"file":`...)
	b = append(b, mustJSON(file)...)
	b = append(b, `,"questionnaire":`...)
	b = append(b, mustJSON(r.Answers.Questionnaire)...)
	b = append(b, `,"municipality":`...)
	b = append(b, mustJSON(r.Answers.Municipality)...)
	b = append(b, `,"score":`...)
	b = appendScore(b, r.Total)
	b = append(b, `,"coverage":`...)
	b = appendScore(b, r.Coverage)
	b = append(b, `,"level":`...)
	b = p.appendLevel(b, r.Level)
	b = append(b, `,"uncertain":`...)
	b = strconv.AppendBool(b, r.Uncertain)
	b = append(b, `,"areas":[`...)
	for i, ar := range r.Areas {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, p.areaHead[i]...)
		b = appendScore(b, ar.Score)
		b = append(b, `,"coverage":`...)
		b = appendScore(b, ar.Coverage)
		b = append(b, `,"level":`...)
		b = p.appendLevel(b, ar.Level)
		b = append(b, `,"steps":{`...)
		b = appendScores(b, p.stepKeys, ar.Steps)
		b = append(b, `},"tiers":{`...)
		b = appendScores(b, p.tierKeys, ar.Tiers)
		b = append(b, "}}"...)
	}
	b = append(b, `],"steps":{`...)
	b = appendSets(b, p.stepKeys, r.Steps)
	b = append(b, `},"tiers":{`...)
	b = appendSets(b, p.tierKeys, r.Tiers)
	b = append(b, `},"gaps":[`...)
	for i, g := range r.Gaps {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, p.gapHead[g.Question]...)
		b = appendValue(b, AnswerValue(g.QuestionResult))
		b = append(b, `,"target":`...)
		b = appendFloat(b, g.Target)
		b = append(b, `,"gap":`...)
		b = appendFloat(b, g.Gap)
		b = append(b, `,"priority":`...)
		b = appendFloat(b, g.Priority)
		b = append(b, p.gapPlans[g.Question]...)
		for j, key := range p.winKeys[g.Question] {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, key...)
			var w *assessment.Window
			if j < len(g.Windows) {
				w = &g.Windows[j]
			}
			b = appendMonth(b, w)
		}
		b = append(b, `},"next_window":`...)
		b = appendMonth(b, g.NextWindow)
		b = append(b, p.gapTail[g.Question]...)
	}
	b = append(b, `],"unanswered":`...)
	b = p.appendIDs(b, r.Unanswered)
	b = append(b, `,"unknown":`...)
	b = p.appendIDs(b, r.Unknown)
	return append(b, '}')
}
