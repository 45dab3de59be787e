package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/strictyaml"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/lock"
)

// Several sittings (and an editor) may work on one answers file at once.
// A sitting therefore never writes its own copy whole: it keeps what it
// last read or wrote (seen) and what it changed since (pending), and every
// save re-reads the file under the lock and applies only the pending
// changes to what is on disk now.

// pending is what a sitting changed and has not written yet.
type pending struct {
	ids        []string                      // answers, in the order changed
	answers    map[string]*assessment.Answer // nil: remove the answer
	respondent *assessment.Respondent
	plans      map[string]assessment.YearMonth // next revision, by plan id
}

func (p *pending) empty() bool {
	return len(p.ids) == 0 && p.respondent == nil && len(p.plans) == 0
}

func (p *pending) setAnswer(id string, ans *assessment.Answer) {
	if p.answers == nil {
		p.answers = make(map[string]*assessment.Answer)
	}
	if _, ok := p.answers[id]; !ok {
		p.ids = append(p.ids, id)
	}
	p.answers[id] = ans
}

func (p *pending) setPlanNext(id string, next assessment.YearMonth) {
	if p.plans == nil {
		p.plans = make(map[string]assessment.YearMonth)
	}
	p.plans[id] = next
}

// give records an answer this sitting gave to a question and saves it.
// It reports whether the answer is in the file now; an answer equal to the
// one there already is no change.
func (ss *sitting) give(qu *assessment.Question, ans *assessment.Answer) (bool, error) {
	prev, _ := ss.a.Answers.Get(qu.ID)
	if sameAnswer(ss.q, qu, prev, ans) {
		return !slices.Contains(ss.pend.ids, qu.ID), nil
	}
	if ans != nil {
		c := cloneAnswer(ans)
		ans = &c
		if ans.Answered() && !sameValue(ss.q, qu, prev, ans) {
			ans.By = ss.respondentName
		} else if prev != nil {
			ans.By = prev.By
		}
	}
	ss.pend.setAnswer(qu.ID, ans)
	ss.a = ss.apply(ss.seenOrNew(), nil)
	if err := ss.save(); err != nil {
		return false, err
	}
	return !slices.Contains(ss.pend.ids, qu.ID), nil
}

// seenOrNew is the file as last read or written, or the new file's head.
func (ss *sitting) seenOrNew() *assessment.Answers {
	if ss.seen != nil {
		return ss.seen
	}
	return ss.fresh
}

// save writes the pending changes into the file as it is on disk now,
// under the lock. When the file cannot be read or no longer fits this
// sitting, it says so and keeps the changes for the next save; an error
// is returned only when the sitting must stop (Ctrl-C while waiting for
// the lock, a file that cannot be written at all).
func (ss *sitting) save() error {
	if ss.pend.empty() && ss.saved {
		return nil
	}
	l, err := ss.lock(ss.ctx)
	if err != nil {
		return err
	}
	defer l.Release()
	disk, modeline, ok := ss.readDisk(true)
	if !ok {
		return nil
	}
	merged := ss.apply(disk, ss.s.Err)
	if !l.Held() {
		fmt.Fprintln(ss.s.Err, ss.lp.T("assess-lock-lost", "File", ss.path))
		return nil
	}
	merged.Kind = assessment.KindAnswers
	merged.Questionnaire = ss.q.Ref()
	merged.Date = ss.today
	if ss.opts.Schema && ss.modeline != "" {
		modeline = ss.modeline
	}
	err = cli.WriteAtomic(ss.path, func(w io.Writer) error {
		if _, err := io.WriteString(w, modeline); err != nil {
			return err
		}
		return assessment.WriteAnswers(w, ss.q, merged)
	})
	if err != nil {
		return cli.Failure("%s", ss.lp.T("assess-save-failed", "File", ss.path, "Error", err))
	}
	ss.seen, ss.a = merged, cloneAnswers(merged)
	ss.pend = pending{}
	ss.saved, ss.force = true, false
	return nil
}

// lock takes the file's lock, saying so while another sitting holds it
// and trying again until it has it or ctx ends.
func (ss *sitting) lock(ctx context.Context) (*lock.Lock, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	told := ""
	for {
		l, err := lock.Acquire(ctx, ss.path, lock.Options{
			Who:  joinNonEmpty(", ", ss.respondentName, "sirkel assess"),
			Wait: ss.lockWait,
			OnTakeOver: func(i lock.Info) {
				fmt.Fprintln(ss.s.Err, ss.lp.T("assess-lock-taken-over", "File", ss.path, "Holder", i))
			},
		})
		var busy *lock.BusyError
		switch {
		case err == nil:
			return l, nil
		case errors.As(err, &busy):
			if msg := busy.Localize(ss.lp); msg != told {
				fmt.Fprintln(ss.s.Err, ss.lp.T("assess-lock-busy", "Busy", msg))
				told = msg
			}
		case ctx.Err() != nil:
			return nil, errInterrupted
		default:
			return nil, cli.Failure("%s", ss.lp.T("assess-lock-failed", "File", ss.path, "Lock", lock.Path(ss.path), "Error", cli.OSError(err)))
		}
	}
}

// readDisk reads the answers file as it is now, with its editor modeline.
// A missing file is this sitting's last view of it (or a new file). It
// reports false, with a message when loud, when the file cannot be read
// or no longer fits this sitting.
func (ss *sitting) readDisk(loud bool) (*assessment.Answers, string, bool) {
	say := func(m lang.Msg) {
		if loud {
			fmt.Fprintln(ss.s.Err, m.In(ss.lp))
		}
	}
	data, err := strictyaml.ReadFile(ss.path)
	if err != nil {
		if _, statErr := os.Stat(ss.path); errors.Is(statErr, os.ErrNotExist) {
			if ss.saved {
				say(lang.M("assess-file-gone", "File", ss.path))
			}
			return cloneAnswers(ss.seenOrNew()), ss.modeline, true
		}
		say(lang.M("assess-file-unreadable-now", "File", ss.path, "Error", firstMessage(ss.lp, ss.path, err)))
		return nil, "", false
	}
	modeline := ""
	if line, _, _ := strings.Cut(string(data), "\n"); strings.HasPrefix(line, "# yaml-language-server:") {
		modeline = line + "\n"
	}
	if ss.force {
		return cloneAnswers(ss.seenOrNew()), modeline, true
	}
	a, ds := assessment.ParseAnswers(ss.path, data)
	switch {
	case ds.HasErrors():
		if loud {
			printDiagnostics(ss.s.Err, ss.lp, ds.Errors())
		}
		say(lang.M("assess-file-broken-now", "File", ss.path))
		return nil, "", false
	case a.Questionnaire.ID != ss.q.ID || a.Municipality.Number != ss.fresh.Municipality.Number:
		say(lang.M("assess-file-other-now", "File", ss.path, "ID", a.Questionnaire.ID, "Name", a.Municipality.Name, "Number", a.Municipality.Number))
		return nil, "", false
	}
	return a, modeline, true
}

// firstMessage is the first diagnostic of a read error.
func firstMessage(p *lang.Printer, path string, err error) string {
	if ds := cli.AsDiagnostics(path, err); len(ds) > 0 {
		return ds[0].Text(p)
	}
	return err.Error()
}

// refresh re-reads the file before a question, so that the question is
// shown with what other sittings answered meanwhile. Nothing is reported:
// the next save says what is wrong.
func (ss *sitting) refresh() {
	if !ss.pend.empty() || !ss.saved && !ss.found {
		return // pending changes keep the view they were made against
	}
	if disk, _, ok := ss.readDisk(false); ok {
		ss.seen, ss.a = disk, cloneAnswers(disk)
	}
}

// apply returns disk with the pending changes applied. An answer that
// another sitting changed since this one last saw it is merged: a value
// this sitting gave wins, and the one it replaced is kept in the comment;
// what this sitting did not change is taken from disk. Messages about such
// answers go to w (nil: none).
func (ss *sitting) apply(disk *assessment.Answers, w io.Writer) *assessment.Answers {
	out := cloneAnswers(disk)
	for _, id := range ss.pend.ids {
		qu, _, ok := ss.q.Question(id)
		if !ok {
			continue
		}
		var base *assessment.Answer
		if ss.seen != nil {
			base, _ = ss.seen.Answers.Get(id)
		}
		cur, _ := out.Answers.Get(id)
		res := ss.merge3(qu, base, cur, ss.pend.answers[id], w)
		if res == nil {
			out.Answers.Delete(id)
		} else {
			out.Answers.Set(id, res)
		}
	}
	if r := ss.pend.respondent; r != nil {
		out.Respondents = addRespondent(out.Respondents, r.Name, r.Role)
	}
	for id, next := range ss.pend.plans {
		if out.Plans == nil {
			out.Plans = make(map[string]assessment.PlanStatus)
		}
		st := out.Plans[id]
		st.Next = next
		out.Plans[id] = st
	}
	return out
}

// merge3 merges this sitting's answer (ours) with the one on disk (cur),
// given the one it saw before (base).
func (ss *sitting) merge3(qu *assessment.Question, base, cur, ours *assessment.Answer, w io.Writer) *assessment.Answer {
	if sameAnswer(ss.q, qu, base, cur) {
		// Nobody else changed it: ours, with the note an editor left.
		if ours == nil {
			return nil
		}
		res := cloneAnswer(ours)
		if cur != nil {
			res.Note = cur.Note
		}
		ss.keepConflictNote(qu.ID, &res)
		return &res
	}
	if ours == nil {
		return cur // ours was a removal of what is no longer there
	}
	res := cloneAnswer(ours)
	if cur == nil {
		cur = &assessment.Answer{Empty: true}
	}
	res.Note = cur.Note
	baseComment := text(base, func(a *assessment.Answer) string { return a.Comment })
	switch {
	case sameValue(ss.q, qu, base, ours):
		// This sitting changed the comment or the evidence only.
		res.Empty, res.Scalar, res.Tag, res.List, res.IsList, res.By = cur.Empty, cur.Scalar, cur.Tag, cur.List, cur.IsList, cur.By
		res.Comment = mergeText(baseComment, cur.Comment, ours.Comment)
	case cur.Answered() && !sameValue(ss.q, qu, cur, ours):
		// Both gave a value: ours wins, theirs goes into the note.
		ss.conflict(qu, cur, w)
		if ours.Comment == baseComment {
			res.Comment = ""
		}
	default:
		res.Comment = mergeText(baseComment, cur.Comment, ours.Comment)
	}
	if slices.Equal(evidence(base), res.Evidence) {
		res.Evidence = slices.Clone(cur.Evidence)
	} else {
		for _, e := range cur.Evidence {
			if !slices.Contains(res.Evidence, e) {
				res.Evidence = append(res.Evidence, e)
			}
		}
	}
	ss.keepConflictNote(qu.ID, &res)
	return &res
}

// conflict notes the value another sitting gave, which this sitting's
// answer replaces, for the comment, and tells the user.
func (ss *sitting) conflict(qu *assessment.Question, theirs *assessment.Answer, w io.Writer) {
	p := ss.lp
	label := rawLabel(p, ss.q, qu, theirs)
	by := theirs.By
	if by == ss.respondentName {
		by = ""
	}
	if ss.notes == nil {
		ss.notes = make(map[string]string)
	}
	note := lang.M("assess-conflict-note", "Answer", label)
	if by != "" {
		note = lang.M("assess-conflict-note-by", "Answer", label, "By", by)
	}
	if theirs.Comment != "" {
		note = lang.M("assess-conflict-note-comment", "Note", note, "Comment", theirs.Comment)
	}
	ss.notes[qu.ID] = note.In(p)
	if w != nil {
		if by != "" {
			fmt.Fprintln(w, p.T("assess-conflict-by", "By", by, "Answer", label, "ID", qu.ID))
		} else {
			fmt.Fprintln(w, p.T("assess-conflict", "Answer", label, "ID", qu.ID))
		}
	}
}

// keepConflictNote puts the note of a replaced answer into the comment,
// whatever comment was typed after it.
func (ss *sitting) keepConflictNote(id string, a *assessment.Answer) {
	note := ss.notes[id]
	if note == "" || strings.Contains(a.Comment, note) || !a.Answered() {
		return
	}
	a.Comment = joinNonEmpty("\n", a.Comment, note)
}

// mergeText is a three-way merge of a text: ours if this sitting changed
// it, theirs if only the other did, both when both did.
func mergeText(base, theirs, ours string) string {
	switch {
	case ours == base || ours == theirs:
		return theirs
	case theirs == base:
		return ours
	}
	return joinNonEmpty("\n", ours, theirs)
}

func text(a *assessment.Answer, f func(*assessment.Answer) string) string {
	if a == nil {
		return ""
	}
	return f(a)
}

func evidence(a *assessment.Answer) []string {
	if a == nil {
		return nil
	}
	return a.Evidence
}

// rawLabel shows an answer as people read it, or as written when it
// does not read for its question.
func rawLabel(p *lang.Printer, q *assessment.Questionnaire, qu *assessment.Question, a *assessment.Answer) string {
	if v, msg := assessment.ParseValue(q, qu, a.Raw()); msg == "" && v.Kind != assessment.ValueNone {
		return assessment.LabelIn(p, q, qu, v)
	}
	if a.IsList {
		return "[" + strings.Join(a.List, ", ") + "]"
	}
	return "«" + a.Scalar + "»"
}

// sameValue compares the values of two answers by meaning (ParseValue);
// no answer and an empty one are the same.
func sameValue(q *assessment.Questionnaire, qu *assessment.Question, a, b *assessment.Answer) bool {
	if !a.Answered() || !b.Answered() {
		return a.Answered() == b.Answered()
	}
	va, ma := assessment.ParseValue(q, qu, a.Raw())
	vb, mb := assessment.ParseValue(q, qu, b.Raw())
	if ma == "" && mb == "" {
		return assessment.SameValue(va, vb)
	}
	return a.Scalar == b.Scalar && a.IsList == b.IsList && slices.Equal(a.List, b.List)
}

// sameAnswer compares value, comment and evidence.
func sameAnswer(q *assessment.Questionnaire, qu *assessment.Question, a, b *assessment.Answer) bool {
	return sameValue(q, qu, a, b) &&
		text(a, func(a *assessment.Answer) string { return a.Comment }) == text(b, func(a *assessment.Answer) string { return a.Comment }) &&
		slices.Equal(evidence(a), evidence(b))
}

func cloneAnswer(a *assessment.Answer) assessment.Answer {
	c := *a
	c.List = slices.Clone(a.List)
	c.Evidence = slices.Clone(a.Evidence)
	return c
}

func cloneAnswers(a *assessment.Answers) *assessment.Answers {
	c := *a
	c.Respondents = slices.Clone(a.Respondents)
	c.Targets = maps.Clone(a.Targets)
	c.Plans = maps.Clone(a.Plans)
	c.Answers = assessment.AnswerMap{}
	for _, id := range a.Answers.Order {
		ans := cloneAnswer(a.Answers.ByID[id])
		c.Answers.Set(id, &ans)
	}
	return &c
}

// flush makes a last attempt to save at the end of a sitting, also after
// Ctrl-C, and lists what could not be saved.
func (ss *sitting) flush() (unsaved []string) {
	if ss.pend.empty() {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*ss.lockWait)
	defer cancel()
	saved := ss.ctx
	ss.ctx = ctx
	_ = ss.save()
	ss.ctx = saved
	for _, id := range ss.pend.ids {
		qu, _, _ := ss.q.Question(id)
		desc := ss.lp.T("assess-unsaved-removed")
		if a := ss.pend.answers[id]; a != nil && qu != nil {
			desc = joinNonEmpty(", ", describeAnswer(ss.lp, ss.q, qu, a), a.Comment)
		}
		unsaved = append(unsaved, fmt.Sprintf("%s: %s", id, desc))
	}
	for id, next := range ss.pend.plans {
		unsaved = append(unsaved, fmt.Sprintf("plans.%s.next: %s", id, next))
	}
	slices.Sort(unsaved[len(ss.pend.ids):])
	return unsaved
}
