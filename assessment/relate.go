package assessment

import (
	"slices"

	"github.com/sirkel/sirkel/assessment/lang"
)

// ChangeKind is what became of a question, or of an answer to it, between
// two versions of a questionnaire.
type ChangeKind uint8

const (
	// ChangeKept: the same id in both versions, named by no other question.
	ChangeKept ChangeKind = iota
	// ChangeRenamed: one new question replaces one old id no other names.
	ChangeRenamed
	// ChangeSplit: several new questions replace the same old id.
	ChangeSplit
	// ChangeMerged: one new question replaces several old ids.
	ChangeMerged
	// ChangeAdded: a new question that replaces nothing.
	ChangeAdded
	// ChangeRemoved: an old question that nothing replaces.
	ChangeRemoved
	// ChangeNotCarried: an answer that does not fit its new question
	// (another type, an option gone); it is kept as a comment.
	ChangeNotCarried
	// ChangeUnknown: an answer to an id the old version did not have
	// either; it is kept as it was.
	ChangeUnknown
	// ChangeTarget: an area target dropped with its area.
	ChangeTarget
	// ChangeWarning: the relation itself is doubtful.
	ChangeWarning
)

// QuestionChange ties old question ids to new ones.
type QuestionChange struct {
	Kind     ChangeKind
	From, To []string
}

// Relation ties the questions of two versions of a questionnaire together:
// by id, and by the new version's «replaces». A new question that keeps an
// old id and also replaces others merges them all.
type Relation struct {
	From, To *Questionnaire
	sources  map[string][]string // new id → old ids, in old order
	targets  map[string][]string // old id → new ids, in new order
	// Warnings name «replaces» ids that are no question of the old
	// version; the questionnaire alone cannot know them to be wrong. In
	// bokmål; warnings holds them from the catalogues.
	Warnings []string
	warnings []lang.Msg
}

// Relate finds what each question of to came from in from.
func Relate(from, to *Questionnaire) *Relation {
	r := &Relation{From: from, To: to, sources: map[string][]string{}, targets: map[string][]string{}}
	to.AllQuestions(func(_ *Area, t *Question) {
		var srcs []*Question
		add := func(id string) {
			if o, _, ok := from.Question(id); ok && !slices.Contains(srcs, o) {
				srcs = append(srcs, o)
			}
		}
		add(t.ID)
		for _, id := range t.Replaces {
			if _, _, ok := from.Question(id); !ok {
				w := lang.M("relate-unknown-replaced", "New", t.ID, "Old", id, "Ref", from.Ref().String())
				r.Warnings, r.warnings = append(r.Warnings, w.String()), append(r.warnings, w)
			}
			add(id)
		}
		slices.SortFunc(srcs, func(a, b *Question) int { return a.index - b.index })
		for _, o := range srcs {
			r.sources[t.ID] = append(r.sources[t.ID], o.ID)
			r.targets[o.ID] = append(r.targets[o.ID], t.ID)
		}
	})
	return r
}

// Sources are the old ids a new question takes over.
func (r *Relation) Sources(newID string) []string { return r.sources[newID] }

// Targets are the new ids an old question went to.
func (r *Relation) Targets(oldID string) []string { return r.targets[oldID] }

// Changes lists every question's fate in the new version's order, then
// the removed ones in the old order.
func (r *Relation) Changes() []QuestionChange {
	var out []QuestionChange
	split := map[string]bool{}
	r.To.AllQuestions(func(_ *Area, t *Question) {
		srcs := r.sources[t.ID]
		for _, s := range srcs {
			// A part of a split may also be a merge; the split is listed
			// where its first part stands.
			if len(r.targets[s]) > 1 && !split[s] {
				split[s] = true
				out = append(out, QuestionChange{Kind: ChangeSplit, From: []string{s}, To: r.targets[s]})
			}
		}
		switch {
		case len(srcs) == 0:
			out = append(out, QuestionChange{Kind: ChangeAdded, To: []string{t.ID}})
		case len(srcs) > 1:
			out = append(out, QuestionChange{Kind: ChangeMerged, From: srcs, To: []string{t.ID}})
		case len(r.targets[srcs[0]]) > 1:
			// listed as a split above
		case srcs[0] == t.ID:
			out = append(out, QuestionChange{Kind: ChangeKept, From: srcs, To: srcs})
		default:
			out = append(out, QuestionChange{Kind: ChangeRenamed, From: srcs, To: []string{t.ID}})
		}
	})
	for _, id := range r.From.QuestionIDs() {
		if len(r.targets[id]) == 0 {
			out = append(out, QuestionChange{Kind: ChangeRemoved, From: []string{id}})
		}
	}
	return out
}
