package assessment

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// QuestionnaireDiff is what changed from one questionnaire version to
// another, each list in questionnaire order.
type QuestionnaireDiff struct {
	From, To *Questionnaire
	Added    []string         // ids of new questions
	Removed  []string         // ids of old questions nothing replaces
	Replaced []QuestionChange // renamed, split and merged
	Edited   []QuestionEdit   // same id, other wording or scoring
	// Names are areas, plans, levels, steps, tiers and scale points added,
	// removed or renamed, one readable line each.
	Names    []string
	Warnings []string
}

// QuestionEdit says what changed in a question that kept its id.
type QuestionEdit struct {
	ID   string
	What []string // «teksten», «typen (skala → ja/nei)», …
}

// Diff compares two versions of a questionnaire.
func Diff(from, to *Questionnaire) *QuestionnaireDiff {
	rel := Relate(from, to)
	d := &QuestionnaireDiff{From: from, To: to, Warnings: rel.Warnings}
	for _, c := range rel.Changes() {
		switch c.Kind {
		case ChangeAdded:
			d.Added = append(d.Added, c.To[0])
		case ChangeRemoved:
			d.Removed = append(d.Removed, c.From[0])
		case ChangeRenamed, ChangeSplit, ChangeMerged:
			d.Replaced = append(d.Replaced, c)
		}
	}
	to.AllQuestions(func(_ *Area, t *Question) {
		if o, _, ok := from.Question(t.ID); ok {
			if what := questionEdits(from, to, o, t); len(what) > 0 {
				d.Edited = append(d.Edited, QuestionEdit{ID: t.ID, What: what})
			}
		}
	})
	if from.Title != to.Title {
		d.Names = append(d.Names, fmt.Sprintf("tittel: «%s» → «%s»", from.Title, to.Title))
	}
	for _, k := range nameKinds {
		d.Names = append(d.Names, nameChanges(k.what, k.names(from), k.names(to))...)
	}
	return d
}

// Empty reports whether the versions ask the same.
func (d *QuestionnaireDiff) Empty() bool {
	return len(d.Added)+len(d.Removed)+len(d.Replaced)+len(d.Edited)+len(d.Names)+len(d.Warnings) == 0
}

// questionEdits lists what differs in a question both versions have.
func questionEdits(from, to *Questionnaire, o, t *Question) []string {
	var what []string
	if o.Text != t.Text {
		what = append(what, "teksten")
	}
	if o.Help != t.Help {
		what = append(what, "hjelpeteksten")
	}
	if ot, tt := o.EffectiveType(), t.EffectiveType(); ot != tt {
		what = append(what, fmt.Sprintf("typen (%s → %s)", TypeName(ot), TypeName(tt)))
	}
	if s := optionEdits(o, t); s != "" {
		what = append(what, "alternativene ("+s+")")
	}
	if fa, ta := from.Areas[o.area].ID, to.Areas[t.area].ID; fa != ta {
		what = append(what, fmt.Sprintf("området (%s → %s)", fa, ta))
	}
	change := func(name, a, b string) {
		if a != b {
			what = append(what, fmt.Sprintf("%s (%s → %s)", name, a, b))
		}
	}
	change("trinnet", orNone(o.Step, strconv.Itoa(o.Step)), orNone(t.Step, strconv.Itoa(t.Step)))
	change("tiltaksnivået", orNone(len(o.Tier), o.Tier), orNone(len(t.Tier), t.Tier))
	change("vekten", fmtNum(o.weight), fmtNum(t.weight))
	return what
}

func orNone(n int, s string) string {
	if n == 0 {
		return "ingen"
	}
	return s
}

// optionEdits says which options were added, removed or changed in label
// or score.
func optionEdits(o, t *Question) string {
	var added, removed, changed []string
	for _, op := range t.Options {
		old, ok := o.Option(op.ID)
		switch {
		case !ok:
			added = append(added, op.ID)
		case old.Label != op.Label || *old.Score != *op.Score:
			changed = append(changed, op.ID)
		}
	}
	for _, op := range o.Options {
		if _, ok := t.Option(op.ID); !ok {
			removed = append(removed, op.ID)
		}
	}
	var parts []string
	for _, p := range []struct {
		what string
		ids  []string
	}{{"nye", added}, {"fjernet", removed}, {"endret", changed}} {
		if len(p.ids) > 0 {
			parts = append(parts, p.what+": "+strings.Join(p.ids, ", "))
		}
	}
	return strings.Join(parts, "; ")
}

// named is something with an id and a name, compared by id.
type named struct{ id, name string }

// nameChanges lists, in the new order, the things added («+ plan x:
// «Navn»») and renamed, then the removed ones («- plan y: «Navn»»).
func nameChanges(what string, from, to []named) []string {
	var out []string
	find := func(list []named, id string) (named, bool) {
		i := slices.IndexFunc(list, func(n named) bool { return n.id == id })
		if i < 0 {
			return named{}, false
		}
		return list[i], true
	}
	for _, n := range to {
		old, ok := find(from, n.id)
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("+ %s %s: «%s»", what, n.id, n.name))
		case old.name != n.name:
			out = append(out, fmt.Sprintf("%s %s: «%s» → «%s»", what, n.id, old.name, n.name))
		}
	}
	for _, n := range from {
		if _, ok := find(to, n.id); !ok {
			out = append(out, fmt.Sprintf("- %s %s: «%s»", what, n.id, n.name))
		}
	}
	return out
}

// namesOf lists items as named, by their position i where they have no id.
func namesOf[T any](items []T, f func(i int, it *T) named) []named {
	out := make([]named, len(items))
	for i := range items {
		out[i] = f(i, &items[i])
	}
	return out
}

// nameKinds are what Diff compares by name, in the order it lists them.
var nameKinds = []struct {
	what  string
	names func(*Questionnaire) []named
}{
	{"område", func(q *Questionnaire) []named {
		return namesOf(q.Areas, func(_ int, a *Area) named { return named{a.ID, a.Name.String()} })
	}},
	{"plan", func(q *Questionnaire) []named {
		return namesOf(q.Plans, func(_ int, p *Plan) named { return named{p.ID, p.Name.String()} })
	}},
	// Levels by rank, so that a moved bound shows.
	{"nivå", func(q *Questionnaire) []named {
		return namesOf(q.Levels, func(i int, l *Level) named {
			return named{strconv.Itoa(i + 1), fmt.Sprintf("%s (fra %s)", l.Name, fmtNum(*l.Min))}
		})
	}},
	{"trinn", func(q *Questionnaire) []named {
		return namesOf(q.Steps, func(_ int, s *Step) named { return named{strconv.Itoa(s.ID), s.Name.String()} })
	}},
	{"tiltaksnivå", func(q *Questionnaire) []named {
		return namesOf(q.Tiers, func(_ int, t *Tier) named { return named{t.ID, t.Name.String()} })
	}},
	{"skalaverdi", func(q *Questionnaire) []named {
		return namesOf(q.Scale, func(_ int, p *ScalePoint) named { return named{fmtNum(*p.Value), p.Label.String()} })
	}},
}

// WriteText writes the differences for people, one section per kind of
// change, leaving out the empty ones.
func (d *QuestionnaireDiff) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "%s → %s\n", d.From.Ref(), d.To.Ref())
	if d.Empty() {
		fmt.Fprintln(b, "\nIngen forskjeller.")
		return b.Flush()
	}
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(b, "\n%s (%d):\n", title, len(lines))
		for _, l := range lines {
			fmt.Fprintf(b, "  %s\n", l)
		}
	}
	question := func(sign string, q *Questionnaire, id string) string {
		qu, a, _ := q.Question(id)
		return fmt.Sprintf("%s %s (%s): %s", sign, id, a.ID, qu.Text)
	}
	var lines []string
	for _, id := range d.Added {
		lines = append(lines, question("+", d.To, id))
	}
	section("Nye spørsmål", lines)
	lines = nil
	for _, id := range d.Removed {
		lines = append(lines, question("-", d.From, id))
	}
	section("Fjernede spørsmål", lines)
	lines = nil
	for _, c := range d.Replaced {
		lines = append(lines, d.replacedLine(c))
	}
	section("Erstattede spørsmål", lines)
	lines = nil
	for _, e := range d.Edited {
		lines = append(lines, e.ID+": "+strings.Join(e.What, ", "))
	}
	section("Endrede spørsmål", lines)
	section("Områder, planer, nivåer og skala", d.Names)
	section("Advarsler", d.Warnings)
	return b.Flush()
}

// replacedLine is «a, b → c (slått sammen; …)», with what becomes of an
// answer and any change of type.
func (d *QuestionnaireDiff) replacedLine(c QuestionChange) string {
	note := map[ChangeKind]string{
		ChangeRenamed: "nytt navn",
		ChangeSplit:   "delt; svaret føres til hver del",
		ChangeMerged:  "slått sammen; svarene blir en kommentar",
	}[c.Kind]
	for _, f := range c.From {
		for _, t := range c.To {
			fq, _, _ := d.From.Question(f)
			tq, _, _ := d.To.Question(t)
			ft, tt := fq.EffectiveType(), tq.EffectiveType()
			if ft == tt {
				continue
			}
			switch c.Kind {
			case ChangeRenamed:
				note += fmt.Sprintf("; %s → %s, svaret blir en kommentar", TypeName(ft), TypeName(tt))
			case ChangeSplit:
				note += fmt.Sprintf("; %s: %s → %s", t, TypeName(ft), TypeName(tt))
			case ChangeMerged:
				note += fmt.Sprintf("; %s: %s → %s", f, TypeName(ft), TypeName(tt))
			}
		}
	}
	return fmt.Sprintf("%s → %s (%s)", strings.Join(c.From, ", "), strings.Join(c.To, ", "), note)
}
