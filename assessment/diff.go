package assessment

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"
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
	// removed or renamed, one readable line each; Names and Warnings are
	// in bokmål, names and warnings from the catalogues.
	Names, Warnings []string
	names, warnings []lang.Msg
}

// QuestionEdit says what changed in a question that kept its id.
type QuestionEdit struct {
	ID   string
	What []string // in bokmål: «teksten», «typen (skala → ja/nei)», …
	what []lang.Msg
}

// WhatIn is What in p's language.
func (e QuestionEdit) WhatIn(p *lang.Printer) []string { return renderAll(p, e.what) }

// renderAll renders each message with p.
func renderAll(p *lang.Printer, msgs []lang.Msg) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.In(p)
	}
	return out
}

// joined is the messages joined by «; » when rendered.
func joined(msgs []lang.Msg) lang.Func {
	return func(p *lang.Printer) string { return strings.Join(renderAll(p, msgs), "; ") }
}

// Diff compares two versions of a questionnaire.
func Diff(from, to *Questionnaire) *QuestionnaireDiff {
	rel := Relate(from, to)
	d := &QuestionnaireDiff{From: from, To: to, Warnings: rel.Warnings, warnings: rel.warnings}
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
				e := QuestionEdit{ID: t.ID, what: what}
				e.What = e.WhatIn(lang.For(lang.NB))
				d.Edited = append(d.Edited, e)
			}
		}
	})
	if from.Title != to.Title {
		d.names = append(d.names, lang.M("diff-title", "From", from.Title, "To", to.Title))
	}
	for _, k := range nameKinds {
		d.names = append(d.names, nameChanges(k.what, k.names(from), k.names(to))...)
	}
	d.Names = renderAll(lang.For(lang.NB), d.names)
	return d
}

// Empty reports whether the versions ask the same.
func (d *QuestionnaireDiff) Empty() bool {
	return len(d.Added)+len(d.Removed)+len(d.Replaced)+len(d.Edited)+len(d.Names)+len(d.Warnings) == 0
}

// questionEdits lists what differs in a question both versions have.
func questionEdits(from, to *Questionnaire, o, t *Question) []lang.Msg {
	var what []lang.Msg
	if o.Text != t.Text {
		what = append(what, lang.M("diff-edit-text"))
	}
	if o.Help != t.Help {
		what = append(what, lang.M("diff-edit-help"))
	}
	if ot, tt := o.EffectiveType(), t.EffectiveType(); ot != tt {
		what = append(what, lang.M("diff-edit-type", "Change", typeChange(ot, tt)))
	}
	if s := optionEdits(o, t); s != nil {
		what = append(what, lang.M("diff-edit-options", "Changes", s))
	}
	if fa, ta := from.Areas[o.area].ID, to.Areas[t.area].ID; fa != ta {
		what = append(what, lang.M("diff-edit-area", "From", fa, "To", ta))
	}
	change := func(name lang.Msg, a, b string) {
		if a != b {
			what = append(what, lang.M("diff-edit-field", "Field", name, "From", orNone(a), "To", orNone(b)))
		}
	}
	change(lang.M("diff-field-step"), stepText(o.Step), stepText(t.Step))
	change(lang.M("diff-field-tier"), o.Tier, t.Tier)
	change(lang.M("diff-field-weight"), fmtNum(o.weight), fmtNum(t.weight))
	return what
}

func stepText(step int) string {
	if step == 0 {
		return ""
	}
	return strconv.Itoa(step)
}

// orNone is s, or «ingen» for nothing.
func orNone(s string) any {
	if s == "" {
		return lang.M("diff-none")
	}
	return s
}

// optionEdits says which options were added, removed or changed in label
// or score; nil when none was.
func optionEdits(o, t *Question) lang.Localized {
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
	var parts []lang.Msg
	for _, p := range []struct {
		what lang.Msg
		ids  []string
	}{{lang.M("diff-options-added"), added}, {lang.M("diff-options-removed"), removed}, {lang.M("diff-options-changed"), changed}} {
		if len(p.ids) > 0 {
			parts = append(parts, lang.M("diff-options", "What", p.what, "IDs", strings.Join(p.ids, ", ")))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return joined(parts)
}

// named is something with an id and a name, compared by id and by the
// name in bokmål.
type named struct {
	id   string
	name lang.Localized
}

// same reports whether two names read the same in bokmål.
func (n named) same(o named) bool {
	nb := lang.For(lang.NB)
	return n.name.Localize(nb) == o.name.Localize(nb)
}

// nameChanges lists, in the new order, the things added («+ plan x:
// «Navn»») and renamed, then the removed ones («- plan y: «Navn»»).
func nameChanges(what lang.Msg, from, to []named) []lang.Msg {
	var out []lang.Msg
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
			out = append(out, lang.M("diff-name-added", "What", what, "ID", n.id, "Name", n.name))
		case !old.same(n):
			out = append(out, lang.M("diff-name-renamed", "What", what, "ID", n.id, "Old", old.name, "Name", n.name))
		}
	}
	for _, n := range from {
		if _, ok := find(to, n.id); !ok {
			out = append(out, lang.M("diff-name-removed", "What", what, "ID", n.id, "Name", n.name))
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
	what  lang.Msg
	names func(*Questionnaire) []named
}{
	{lang.M("diff-kind-area"), func(q *Questionnaire) []named {
		return namesOf(q.Areas, func(_ int, a *Area) named { return named{a.ID, a.Name} })
	}},
	{lang.M("diff-kind-plan"), func(q *Questionnaire) []named {
		return namesOf(q.Plans, func(_ int, p *Plan) named { return named{p.ID, p.Name} })
	}},
	// Levels by rank, so that a moved bound shows.
	{lang.M("diff-kind-level"), func(q *Questionnaire) []named {
		return namesOf(q.Levels, func(i int, l *Level) named {
			return named{strconv.Itoa(i + 1), lang.M("diff-level-name", "Name", l.Name, "Min", fmtNum(*l.Min))}
		})
	}},
	{lang.M("diff-kind-step"), func(q *Questionnaire) []named {
		return namesOf(q.Steps, func(_ int, s *Step) named { return named{strconv.Itoa(s.ID), s.Name} })
	}},
	{lang.M("diff-kind-tier"), func(q *Questionnaire) []named {
		return namesOf(q.Tiers, func(_ int, t *Tier) named { return named{t.ID, t.Name} })
	}},
	{lang.M("diff-kind-scale-point"), func(q *Questionnaire) []named {
		return namesOf(q.Scale, func(_ int, p *ScalePoint) named { return named{fmtNum(*p.Value), p.Label} })
	}},
}

// WriteText writes the differences for people in bokmål, one section per
// kind of change, leaving out the empty ones.
func (d *QuestionnaireDiff) WriteText(w io.Writer) error { return d.WriteTextIn(w, lang.For(lang.NB)) }

// WriteTextIn writes the differences in p's language, the questionnaires'
// texts included.
func (d *QuestionnaireDiff) WriteTextIn(w io.Writer, p *lang.Printer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "%s → %s\n", d.From.Ref(), d.To.Ref())
	if d.Empty() {
		fmt.Fprintf(b, "\n%s\n", p.T("diff-no-differences"))
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
		return fmt.Sprintf("%s %s (%s): %s", sign, id, a.ID, qu.Text.Localize(p))
	}
	var lines []string
	for _, id := range d.Added {
		lines = append(lines, question("+", d.To, id))
	}
	section(p.T("diff-section-added"), lines)
	lines = nil
	for _, id := range d.Removed {
		lines = append(lines, question("-", d.From, id))
	}
	section(p.T("diff-section-removed"), lines)
	lines = nil
	for _, c := range d.Replaced {
		lines = append(lines, d.replaced(c).In(p))
	}
	section(p.T("diff-section-replaced"), lines)
	lines = nil
	for _, e := range d.Edited {
		lines = append(lines, e.ID+": "+strings.Join(e.WhatIn(p), ", "))
	}
	section(p.T("diff-section-edited"), lines)
	section(p.T("diff-section-names"), renderAll(p, d.names))
	section(p.T("diff-section-warnings"), renderAll(p, d.warnings))
	return b.Flush()
}

// replacedLine is replaced in bokmål.
func (d *QuestionnaireDiff) replacedLine(c QuestionChange) string { return d.replaced(c).String() }

// replaced is «a, b → c (slått sammen; …)», with what becomes of an
// answer and any change of type.
func (d *QuestionnaireDiff) replaced(c QuestionChange) lang.Msg {
	notes := []lang.Msg{map[ChangeKind]lang.Msg{
		ChangeRenamed: lang.M("diff-replaced-renamed"),
		ChangeSplit:   lang.M("diff-replaced-split"),
		ChangeMerged:  lang.M("diff-replaced-merged"),
	}[c.Kind]}
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
				notes = append(notes, lang.M("diff-replaced-renamed-type", "Change", typeChange(ft, tt)))
			case ChangeSplit:
				notes = append(notes, lang.M("diff-replaced-part-type", "ID", t, "Change", typeChange(ft, tt)))
			case ChangeMerged:
				notes = append(notes, lang.M("diff-replaced-part-type", "ID", f, "Change", typeChange(ft, tt)))
			}
		}
	}
	return lang.M("diff-replaced", "From", strings.Join(c.From, ", "), "To", strings.Join(c.To, ", "), "Notes", joined(notes))
}
