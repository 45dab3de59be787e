package assessment

import (
	"slices"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"
)

// MigrationStep is one thing Migrate did, said in bokmål (Message) and
// from the catalogues (Msg).
type MigrationStep struct {
	Kind     ChangeKind
	From, To []string
	Message  string
	Msg      lang.Msg
}

// String is the step in bokmål.
func (s MigrationStep) String() string { return s.Message }

// In is the step in p's language.
func (s MigrationStep) In(p *lang.Printer) string {
	if s.Msg.ID == "" {
		return s.Message
	}
	return s.Msg.In(p)
}

// Migrate moves answers checked against one version of a questionnaire to
// another version of it, following the new version's «replaces»:
//
//   - an id both versions have keeps its answer;
//   - a rename carries the answer to the new id;
//   - a split carries it to every part;
//   - a merge leaves the new question unanswered, with every old answer in
//     its comment («Fra 2026.1: a = Etablert (3); b = Planlagt (1)», in
//     the file's language), for a person to decide;
//   - an answer that does not fit its new question (another type, an
//     option that is gone) is kept the same way, as a comment;
//   - an answer to a removed question stays in the file under its old id,
//     among the answers to questions the new version does not have.
//
// Nothing is dropped without a step saying so. The header, respondents,
// comments, notes and the targets of areas that still exist are kept.
func Migrate(from *Checked, to *Questionnaire) (*Answers, []MigrationStep) {
	src := from.Answers
	m := &migration{from: from, to: to, rel: Relate(from.Questionnaire, to), p: lang.For(lang.Lang(src.Language))}
	out := *src
	out.root = nil // positions belonged to the old file
	out.Questionnaire = to.Ref()
	out.Respondents = slices.Clone(src.Respondents)
	out.Targets = nil
	out.Answers = AnswerMap{}
	m.out = &out

	for _, w := range m.rel.warnings {
		m.step(ChangeWarning, nil, nil, lang.M("migrate-warning", "Warning", w))
	}
	left := map[string]bool{} // old answers kept under their old id
	for _, c := range m.rel.Changes() {
		switch c.Kind {
		case ChangeKept, ChangeRenamed:
			if m.carry(c.From[0], c.To[0]) {
				if c.Kind == ChangeKept {
					m.step(c.Kind, c.From, c.To, lang.M("migrate-kept", "ID", c.From[0]))
				} else {
					m.step(c.Kind, c.From, c.To, lang.M("migrate-renamed", "From", c.From[0], "To", c.To[0]))
				}
			}
		case ChangeSplit:
			m.split(c)
		case ChangeMerged:
			m.merge(c)
		case ChangeRemoved:
			if m.present(c.From[0]) != nil {
				left[c.From[0]] = true
				m.step(c.Kind, c.From, nil, lang.M("migrate-removed", "Version", to.Version, "ID", c.From[0]))
			}
		}
	}
	old := from.Questionnaire
	for _, id := range src.Answers.Order {
		if _, _, ok := old.Question(id); ok {
			continue
		}
		if _, taken := out.Answers.Get(id); taken {
			m.step(ChangeUnknown, []string{id}, nil, lang.M("migrate-unknown-taken", "Old", old.Version, "ID", id, "New", to.Version))
			continue
		}
		left[id] = true
		m.step(ChangeUnknown, []string{id}, nil, lang.M("migrate-unknown-kept", "Old", old.Version, "ID", id))
	}
	for _, id := range src.Answers.Order {
		if left[id] {
			out.Answers.Set(id, cleanCopy(src.Answers.ByID[id]))
		}
	}
	for _, area := range keyOrder(src.Targets, len(old.Areas), func(i int) string { return old.Areas[i].ID }) {
		v := src.Targets[area]
		if _, ok := to.Area(area); !ok {
			m.step(ChangeTarget, nil, nil, lang.M("migrate-target-dropped", "Target", fmtNum(v), "Area", area, "Version", to.Version))
			continue
		}
		if out.Targets == nil {
			out.Targets = map[string]float64{}
		}
		out.Targets[area] = v
	}
	return &out, m.steps
}

type migration struct {
	from  *Checked
	to    *Questionnaire
	rel   *Relation
	out   *Answers
	steps []MigrationStep
	p     *lang.Printer // the language of the answers file, for its comments
}

func (m *migration) step(k ChangeKind, from, to []string, msg lang.Msg) {
	m.steps = append(m.steps, MigrationStep{Kind: k, From: from, To: to, Message: msg.String(), Msg: msg})
}

// present is the old answer to id when the file says anything about it: a
// value, a comment or a note.
func (m *migration) present(id string) *Answer {
	a, ok := m.from.Answers.Answers.Get(id)
	if !ok || a.Empty && a.Comment == "" && a.Note == "" {
		return nil
	}
	return a
}

// carry moves the answer to old question oldID onto new question newID,
// or, when it does not fit there, into the new question's comment. It
// reports whether the answer was carried.
func (m *migration) carry(oldID, newID string) bool {
	ans := m.present(oldID)
	if ans == nil {
		return false
	}
	oq, _, _ := m.from.Questionnaire.Question(oldID)
	tq, _, _ := m.to.Question(newID)
	a, reason := m.fit(oq, tq, ans)
	if reason.ID == "" {
		m.out.Answers.Set(newID, a)
		return true
	}
	m.out.Answers.Set(newID, &Answer{Empty: true, Comment: m.oldText(oldID), Note: ans.Note})
	rel := oldID
	if newID != oldID {
		rel += " → " + newID
	}
	m.step(ChangeNotCarried, []string{oldID}, []string{newID}, lang.M("migrate-not-carried", "Change", rel, "Reason", reason))
	return false
}

// fit reads an old answer for its new question: as written when that
// means the same there, else in its canonical spelling. It returns why
// the answer does not fit otherwise (the zero Msg when it fits).
func (m *migration) fit(oq, tq *Question, ans *Answer) (*Answer, lang.Msg) {
	v := m.from.Value(oq)
	switch {
	case ans.Empty:
		return &Answer{Empty: true, Comment: ans.Comment, Note: ans.Note}, lang.Msg{}
	case v.Kind == ValueNone:
		return nil, lang.M("migrate-was-invalid", "Version", m.from.Questionnaire.Version)
	case oq.EffectiveType() != tq.EffectiveType():
		return nil, typeChange(oq.EffectiveType(), tq.EffectiveType())
	}
	if nv, msg := ParseValueMsg(m.to, tq, ans.Raw()); msg.ID == "" && SameValue(nv, v) {
		return cleanCopy(ans), lang.Msg{}
	}
	c := NewAnswer(tq, v)
	nv, msg := ParseValueMsg(m.to, tq, c.Raw())
	if msg.ID == "" && SameValue(nv, v) {
		c.Comment, c.Note = ans.Comment, ans.Note
		return c, lang.Msg{}
	}
	if msg.ID == "" {
		msg = lang.M("migrate-means-other", "Version", m.to.Version)
	}
	return nil, msg
}

func (m *migration) split(c QuestionChange) {
	old := c.From[0]
	if m.present(old) == nil {
		return
	}
	var carried []string
	for _, t := range c.To {
		// A part that merges several old questions is the merge's to fill.
		if len(m.rel.Sources(t)) == 1 && m.carry(old, t) {
			carried = append(carried, t)
		}
	}
	to := strings.Join(c.To, ", ")
	msg := lang.M("migrate-split", "From", old, "To", to)
	switch {
	case len(carried) == len(c.To):
		msg = lang.M("migrate-split-carried-all", "From", old, "To", to)
	case len(carried) > 0:
		msg = lang.M("migrate-split-carried", "From", old, "To", to, "Carried", strings.Join(carried, ", "))
	}
	m.step(ChangeSplit, c.From, c.To, msg)
}

func (m *migration) merge(c QuestionChange) {
	var given, notes []string
	for _, id := range c.From {
		if a := m.present(id); a != nil {
			given = append(given, id)
			if a.Note != "" {
				notes = append(notes, a.Note)
			}
		}
	}
	if len(given) == 0 {
		return
	}
	t := c.To[0]
	m.out.Answers.Set(t, &Answer{Empty: true, Comment: m.oldText(given...), Note: strings.Join(notes, " ")})
	m.step(ChangeMerged, c.From, c.To, lang.M("migrate-merged", "From", strings.Join(c.From, ", "), "To", t))
}

// oldText is old answers as a comment in the file's language: «Fra
// 2026.1: a = Etablert (3); b = Planlagt (1) («kommentaren»)».
func (m *migration) oldText(ids ...string) string {
	old := m.from.Questionnaire
	parts := make([]string, len(ids))
	for i, id := range ids {
		ans := m.present(id)
		oq, _, _ := old.Question(id)
		label := LabelIn(m.p, old, oq, m.from.Value(oq))
		switch {
		case ans.Empty:
			label = m.p.T("migrate-unanswered")
		case label == "":
			label = rawText(ans) // invalid in the old version: as written
		}
		parts[i] = id + " = " + label
		if ans.Comment != "" {
			parts[i] += " («" + ans.Comment + "»)"
		}
	}
	return m.p.T("migrate-old-answers", "Version", old.Version, "Answers", strings.Join(parts, "; "))
}

func rawText(a *Answer) string {
	if a.IsList {
		return "[" + strings.Join(a.List, ", ") + "]"
	}
	return a.Scalar
}

// cleanCopy is an answer without the positions of the file it came from.
func cleanCopy(a *Answer) *Answer {
	c := *a
	c.Pos, c.KeyPos = Pos{}, Pos{}
	c.List = slices.Clone(a.List)
	return &c
}

// TypeName is a question type as people call it, in bokmål.
func TypeName(t QuestionType) string { return typeName(t).String() }

// typeName is a question type as people call it, from the catalogues.
func typeName(t QuestionType) lang.Msg {
	switch t {
	case TypeScale:
		return lang.M("type-scale")
	case TypeYesNo:
		return lang.M("type-yesno")
	case TypeChoice:
		return lang.M("type-choice")
	case TypeMulti:
		return lang.M("type-multi")
	case TypeNumber:
		return lang.M("type-number")
	}
	return lang.M("type-text")
}

// typeChange is «skala → ja/nei».
func typeChange(from, to QuestionType) lang.Msg {
	return lang.M("type-change", "From", typeName(from), "To", typeName(to))
}
